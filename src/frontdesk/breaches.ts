import type { Transaction } from 'kysely';
import { notifyStaff } from '../notices/index.js';
import type { AppContext } from '../platform/context.js';
import type { Database } from '../platform/db/schema.js';
import type { LiveEvent } from '../platform/live.js';
import type { ObligationRow } from '../platform/obligations/index.js';
import { MESSAGE } from './messages/message-for.js';
import { WAIT_RULE } from './rules.js';
import { messageForBreach } from './store/messages.js';

/** R-PH-3 breached: the recipient and whoever took the message are told; R-WK-4: the desk is prompted to apologise. */
export async function onFrontDeskBreach(
  trx: Transaction<Database>,
  ctx: AppContext,
  obligation: ObligationRow,
  at: string,
): Promise<LiveEvent[]> {
  if (obligation.rule === WAIT_RULE)
    return [{ estateId: obligation.estate_id, type: 'frontdesk.apology_due', subjectId: obligation.subject_id }];
  const message = await messageForBreach(trx, obligation.estate_id, obligation.subject_id);
  if (!message) return [];
  const told = await notifyStaff(trx, ctx, {
    estateId: obligation.estate_id,
    staffIds: [message.for_id, message.taken_by],
    kind: 'obligation.breached',
    subjectType: MESSAGE,
    subjectId: obligation.subject_id,
    at,
    data: { rule: obligation.rule, dueAt: obligation.due_at, text: `${message.caller_name}: ${message.text}`.slice(0, 200) },
  });
  return [
    { estateId: obligation.estate_id, type: 'frontdesk.message', subjectId: obligation.subject_id },
    { estateId: obligation.estate_id, type: 'notice.created', subjectId: obligation.subject_id, staffIds: told },
  ];
}
