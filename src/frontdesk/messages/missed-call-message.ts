import { estateSettings } from '../../directory/index.js';
import { notifyStaff } from '../../notices/index.js';
import type { AppContext } from '../../platform/context.js';
import { newId } from '../../platform/ids.js';
import { historyIn, type Trx } from '../../platform/use-case.js';
import { type DeskPerson, deskStaff } from '../presence/desk-staff.js';
import { callbackDueAt } from '../rules.js';
import { MESSAGE } from './message-for.js';
import { recordMessage } from './record-message.js';

/** Who owes the caller of a missed call a call-back: the extension's person, else the front desk (in the office first). */
function recipientOf(staff: DeskPerson[], staffId: string | null): DeskPerson | undefined {
  const own = staffId ? staff.find((s) => s.id === staffId) : undefined;
  if (own) return own;
  const desk = staff.filter((s) => s.departmentCode === 'front_desk');
  const rank = (s: DeskPerson) => (s.state === 'in_office' ? 0 : 1) + (s.role === 'receptionist' ? 0 : 2);
  return [...desk].sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name))[0];
}

/**
 * R-PH-5, R-PH-3: a call the PBX saw missed becomes a message for the person at the extension it
 * rang (the desk when nobody answers it), its call-back due as a promise (20 minutes), in the
 * transaction of whoever records the missed call. Answers the message and whom it is for, or null
 * when the estate has nobody to take it.
 */
export async function takeMissedCallMessage(
  trx: Trx,
  ctx: AppContext,
  call: { estateId: string; from: string; callerName: string | null; extension: string; staffId: string | null; at: string },
): Promise<{ messageId: string; forId: string } | null> {
  const estate = await estateSettings(trx, call.estateId);
  const recipient = recipientOf(await deskStaff(trx, estate.id), call.staffId);
  if (!recipient) return null;
  const id = newId();
  const dueAt = callbackDueAt({
    reason: 'promise',
    takenAt: call.at,
    expectedBackAt: null,
    timeZone: estate.timeZone,
    policy: estate.policy,
  });
  const row = {
    id,
    estate_id: estate.id,
    taken_at: call.at,
    caller_name: call.callerName || call.from,
    caller_phone: call.from,
    unit_id: null,
    text: `未接來電（分機 ${call.extension}），請回電`,
    for_id: recipient.id,
    taken_by: recipient.id,
    reason: 'promise',
    from_transfer: 0,
    expected_back_at: null,
    callback_due_at: dueAt,
    called_back_at: null,
    called_back_by: null,
    callback_note: null,
    handed_on_from: null,
    call_id: null,
  };
  await recordMessage(trx, row);
  const now = ctx.clock.now().toISOString();
  await notifyStaff(trx, ctx, {
    estateId: estate.id,
    staffIds: [recipient.id],
    kind: 'message.taken',
    subjectType: MESSAGE,
    subjectId: id,
    at: now,
    data: { text: `${row.caller_name}: ${row.text}`.slice(0, 200), dueAt },
  });
  await historyIn(trx, null, now)({ estateId: estate.id, entityType: MESSAGE, entityId: id, action: 'taken', before: null, after: row });
  return { messageId: id, forId: recipient.id };
}
