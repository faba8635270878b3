import type { z } from 'zod';
import type { Actor } from '../../auth/index.js';
import type { HandOnMessageBody, Message } from '../../contract/frontdesk.js';
import { notifyStaff } from '../../notices/index.js';
import type { AppContext } from '../../platform/context.js';
import { reassignObligations } from '../../platform/obligations/index.js';
import { runUseCase } from '../../platform/use-case.js';
import { personIn } from '../presence/desk-staff.js';
import { presentMessage } from '../present.js';
import { findMessage, handMessageOn } from '../store/messages.js';
import { MESSAGE, openMessageFor } from './message-for.js';

/** R-PH-3: hands a call-back on to a colleague; the deadline stays and follows them. */
export async function handOnMessage(
  ctx: AppContext,
  opts: { actor: Actor; messageId: string; body: z.infer<typeof HandOnMessageBody> },
): Promise<Message> {
  return runUseCase(ctx, { actorId: opts.actor.id }, async (uc) => {
    const row = await openMessageFor(uc.trx, opts.actor, opts.messageId);
    const to = await personIn(uc.trx, row.estate_id, opts.body.toStaffId, 'toStaffId');
    await handMessageOn(uc.trx, row.estate_id, row.id, { from: row.for_id, to: to.id });
    await reassignObligations(uc.trx, { subjectType: MESSAGE, subjectId: row.id, ownerId: to.id });
    await notifyStaff(uc.trx, ctx, {
      estateId: row.estate_id,
      staffIds: [to.id],
      kind: 'message.taken',
      subjectType: MESSAGE,
      subjectId: row.id,
      at: uc.at,
      data: { text: `${row.caller_name}: ${row.text}`.slice(0, 200), dueAt: row.callback_due_at, note: opts.body.note ?? null },
    });
    await uc.history({
      estateId: row.estate_id,
      entityType: MESSAGE,
      entityId: row.id,
      action: 'handed_on',
      before: null,
      after: { from: row.for_id, to: to.id },
    });
    uc.live(
      { estateId: row.estate_id, type: 'frontdesk.message', subjectId: row.id },
      { estateId: row.estate_id, type: 'notice.created', subjectId: row.id, staffIds: [opts.body.toStaffId] },
    );
    return presentMessage(await findMessage(uc.trx, row.estate_id, row.id), uc.now);
  });
}
