import type { z } from 'zod';
import type { Actor } from '../../auth/index.js';
import type { CompleteCallbackBody, Message } from '../../contract/frontdesk.js';
import type { AppContext } from '../../platform/context.js';
import { meetObligations } from '../../platform/obligations/index.js';
import { runUseCase } from '../../platform/use-case.js';
import { presentMessage } from '../present.js';
import { occurred } from '../references.js';
import { CALLBACK_RULE } from '../rules.js';
import { findMessage, markCalledBack } from '../store/messages.js';
import { MESSAGE, openMessageFor } from './message-for.js';

/** R-PH-3: the call-back is made; the obligation is met at the time it happened. */
export async function completeCallback(
  ctx: AppContext,
  opts: { actor: Actor; messageId: string; body: z.infer<typeof CompleteCallbackBody> },
): Promise<Message> {
  return runUseCase(ctx, { actorId: opts.actor.id }, async (uc) => {
    const row = await openMessageFor(uc.trx, opts.actor, opts.messageId);
    const at = occurred(opts.body.occurredAt, uc.now, { at: row.taken_at, what: 'the message was taken' });
    const note = opts.body.note ?? null;
    await markCalledBack(uc.trx, row.estate_id, row.id, { at, by: opts.actor.id, note });
    await meetObligations(uc.trx, { subjectType: MESSAGE, subjectId: row.id, rule: CALLBACK_RULE, metAt: at, metBy: opts.actor.id });
    await uc.history({
      estateId: row.estate_id,
      entityType: MESSAGE,
      entityId: row.id,
      action: 'called_back',
      before: null,
      after: { at, note },
    });
    uc.live({ estateId: row.estate_id, type: 'frontdesk.message', subjectId: row.id });
    return presentMessage(await findMessage(uc.trx, row.estate_id, row.id), uc.now);
  });
}
