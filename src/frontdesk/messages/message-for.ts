import type { Transaction } from 'kysely';
import { type Actor, requireAbility } from '../../auth/index.js';
import type { Message } from '../../contract/frontdesk.js';
import type { PhraseWarning } from '../../contract/phrases.js';
import type { AppContext } from '../../platform/context.js';
import type { Database } from '../../platform/db/schema.js';
import { notFound } from '../../platform/errors.js';
import { runUseCase, type UseCase } from '../../platform/use-case.js';
import { presentMessage } from '../present.js';
import { refuse } from '../references.js';
import { findMessage, messageById } from '../store/messages.js';

export const MESSAGE = 'message';

/**
 * A message to complete or hand on, whose call-back is not yet made: its recipient always may
 * (`message.read.own`); anyone else needs `message.handle` in its estate. Another estate's
 * message answers 404 like a missing one.
 */
export async function openMessageFor(trx: Transaction<Database>, actor: Actor, messageId: string) {
  const row = await messageById(trx, messageId);
  if (!row) throw notFound('message');
  requireAbility(actor, row.estate_id, row.for_id === actor.id ? 'message.read.own' : 'message.handle', 'message');
  if (row.called_back_at) throw refuse('frontdesk.already_called_back', 'the call-back is already done');
  return row;
}

type OpenMessage = Awaited<ReturnType<typeof openMessageFor>>;

/**
 * A use case acting on one open message, as the routes call it: `(ctx, { actor, messageId, body })`.
 * The message is read in the use case's transaction and checked by `openMessageFor`, changed by
 * `fn`, told to the desk's screens and answered as it now stands.
 */
export function messageChange<B>(
  fn: (uc: UseCase, row: OpenMessage, input: { ctx: AppContext; actor: Actor; body: B }) => Promise<PhraseWarning[] | undefined>,
): (ctx: AppContext, opts: { actor: Actor; messageId: string; body: B }) => Promise<Message> {
  return (ctx, { actor, messageId, body }) =>
    runUseCase(ctx, { actorId: actor.id }, async (uc) => {
      const row = await openMessageFor(uc.trx, actor, messageId);
      // Events go out only once the transaction commits, so a refused change tells nobody.
      uc.live({ estateId: row.estate_id, type: 'frontdesk.message', subjectId: row.id });
      const phraseWarnings = await fn(uc, row, { ctx, actor, body });
      const message = presentMessage(await findMessage(uc.trx, row.estate_id, row.id), uc.now);
      return phraseWarnings ? { ...message, phraseWarnings } : message;
    });
}
