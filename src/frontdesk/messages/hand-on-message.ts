import type { z } from 'zod';
import type { HandOnMessageBody } from '../../contract/frontdesk.js';
import { notifyStaff } from '../../notices/index.js';
import { reassignObligations } from '../../platform/obligations/index.js';
import { personIn } from '../presence/desk-staff.js';
import { recordStep } from '../references.js';
import { handMessageOn } from '../store/messages.js';
import { MESSAGE, messageChange } from './message-for.js';

/** R-PH-3: hands a call-back on to a colleague; the deadline stays and follows them. */
export const handOnMessage = messageChange<z.infer<typeof HandOnMessageBody>>(async (uc, row, { ctx, body }) => {
  const to = await personIn(uc.trx, row.estate_id, body.toStaffId, 'toStaffId');
  await handMessageOn(uc.trx, row.estate_id, row.id, { from: row.for_id, to: to.id });
  await reassignObligations(uc.trx, { subjectType: MESSAGE, subjectId: row.id, ownerId: to.id });
  await notifyStaff(uc.trx, ctx, {
    estateId: row.estate_id,
    staffIds: [to.id],
    kind: 'message.taken',
    subjectType: MESSAGE,
    subjectId: row.id,
    at: uc.at,
    data: { text: `${row.caller_name}: ${row.text}`.slice(0, 200), dueAt: row.callback_due_at, note: body.note ?? null },
  });
  await recordStep(uc, MESSAGE, row, 'handed_on', { from: row.for_id, to: to.id });
  uc.live({ estateId: row.estate_id, type: 'notice.created', subjectId: row.id, staffIds: [body.toStaffId] });
});
