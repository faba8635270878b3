import type { Insertable } from 'kysely';
import { openObligation } from '../../platform/obligations/index.js';
import type { Trx } from '../../platform/use-case.js';
import { CALLBACK_RULE } from '../rules.js';
import { insertMessage } from '../store/messages.js';
import type { MessageTable } from '../tables.js';
import { MESSAGE } from './message-for.js';

/**
 * R-PH-2, R-PH-3: a message is kept and its recipient's call-back opened, due when the message
 * says, in the caller's transaction (a message taken at the desk, a call the PBX saw missed).
 */
export async function recordMessage(trx: Trx, row: Insertable<MessageTable> & { id: string; for_id: string }): Promise<void> {
  await insertMessage(trx, row);
  await openObligation(trx, {
    estateId: row.estate_id,
    rule: CALLBACK_RULE,
    subjectType: MESSAGE,
    subjectId: row.id,
    ownerId: row.for_id,
    openedAt: row.taken_at,
    dueAt: row.callback_due_at,
    data: { callerName: row.caller_name, reason: row.reason },
  });
}
