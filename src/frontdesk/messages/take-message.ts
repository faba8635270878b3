import type { z } from 'zod';
import { type Actor, requireAbility } from '../../auth/index.js';
import type { TakeMessageBody } from '../../contract/frontdesk.js';
import { estateSettings } from '../../directory/index.js';
import { notifyStaff } from '../../notices/index.js';
import type { AppContext } from '../../platform/context.js';
import { unknownReference } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { runUseCase } from '../../platform/use-case.js';
import { personIn } from '../presence/desk-staff.js';
import { presentMessage } from '../present.js';
import { checkRefs, occurred } from '../references.js';
import { callbackDueAt, isAbsent } from '../rules.js';
import { isCallOfEstate } from '../store/calls.js';
import { findMessage } from '../store/messages.js';
import { MESSAGE } from './message-for.js';
import { recordMessage } from './record-message.js';

/**
 * R-PH-2, R-PH-3: a message for a colleague opens their call-back: 20 minutes for a promise,
 * 30 minutes after they are back when away, 09:00 next morning when nobody knows when.
 */
export async function takeMessage(ctx: AppContext, opts: { actor: Actor; estateId: string; body: z.infer<typeof TakeMessageBody> }) {
  const b = opts.body;
  const id = newId();
  const authorise = () => requireAbility(opts.actor, opts.estateId, 'message.take');
  return runUseCase(ctx, { actorId: opts.actor.id, authorise }, async (uc) => {
    const estate = await estateSettings(uc.trx, opts.estateId);
    await checkRefs(uc.trx, estate.id, { unitId: b.unitId });
    if (b.callId && !(await isCallOfEstate(uc.trx, estate.id, b.callId))) throw unknownReference('callId');
    const recipient = await personIn(uc.trx, estate.id, b.forStaffId, 'forStaffId');
    const takenAt = occurred(b.occurredAt, uc.now);
    const reason = b.reason ?? (isAbsent(recipient.state) ? 'absent' : 'promise');
    const expectedBackAt = b.expectedBackAt ?? (reason === 'absent' && recipient.state !== 'off_duty' ? recipient.until : null);
    const dueAt = callbackDueAt({ reason, takenAt, expectedBackAt, timeZone: estate.timeZone, policy: estate.policy });
    const row = {
      id,
      estate_id: estate.id,
      taken_at: takenAt,
      caller_name: b.callerName,
      caller_phone: b.callerPhone ?? null,
      unit_id: b.unitId ?? null,
      text: b.text,
      for_id: recipient.id,
      taken_by: opts.actor.id,
      reason,
      from_transfer: b.fromUnansweredTransfer ? 1 : 0,
      expected_back_at: expectedBackAt,
      callback_due_at: dueAt,
      called_back_at: null,
      called_back_by: null,
      callback_note: null,
      handed_on_from: null,
      call_id: b.callId ?? null,
    };
    await recordMessage(uc.trx, row);
    await notifyStaff(uc.trx, ctx, {
      estateId: estate.id,
      staffIds: recipient.id === opts.actor.id ? [] : [recipient.id],
      kind: 'message.taken',
      subjectType: MESSAGE,
      subjectId: id,
      at: uc.at,
      data: { text: `${b.callerName}: ${b.text}`.slice(0, 200), dueAt },
    });
    await uc.history({ estateId: estate.id, entityType: MESSAGE, entityId: id, action: 'taken', before: null, after: row });
    uc.live(
      { estateId: opts.estateId, type: 'frontdesk.message', subjectId: id },
      { estateId: opts.estateId, type: 'notice.created', subjectId: id, staffIds: [recipient.id] },
    );
    return presentMessage(await findMessage(uc.trx, opts.estateId, id), uc.now);
  });
}
