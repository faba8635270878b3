import type { Transaction } from 'kysely';
import { type Actor, requireAbility } from '../../auth/index.js';
import type { Database } from '../../platform/db/schema.js';
import { notFound } from '../../platform/errors.js';
import { refuse } from '../references.js';
import { messageById } from '../store/messages.js';

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
