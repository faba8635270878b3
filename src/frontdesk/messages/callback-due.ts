import type { z } from 'zod';
import { type Actor, requireAbility } from '../../auth/index.js';
import type { CallbackDueQuery } from '../../contract/frontdesk.js';
import { estateSettings } from '../../directory/index.js';
import type { AppContext } from '../../platform/context.js';
import { personIn } from '../presence/desk-staff.js';
import { CALLBACK_RULE, callbackDueAt, isAbsent } from '../rules.js';

/**
 * R-PH-3 before the message is saved: the call-back time the desk promises the caller while it
 * takes the message (R-WD-2), worked out as taking it now would (the same defaults from presence).
 */
export async function callbackDue(ctx: AppContext, opts: { actor: Actor; estateId: string; query: z.infer<typeof CallbackDueQuery> }) {
  requireAbility(opts.actor, opts.estateId, 'message.take');
  const q = opts.query;
  const estate = await estateSettings(ctx.db, opts.estateId);
  const recipient = await personIn(ctx.db, estate.id, q.forStaffId, 'forStaffId');
  const takenAt = ctx.clock.now().toISOString();
  const reason = q.reason ?? (isAbsent(recipient.state) ? 'absent' : 'promise');
  const expectedBackAt = q.expectedBackAt ?? (reason === 'absent' && recipient.state !== 'off_duty' ? recipient.until : null);
  return {
    rule: CALLBACK_RULE as 'R-PH-3',
    reason,
    expectedBackAt,
    callbackDueAt: callbackDueAt({ reason, takenAt, expectedBackAt, timeZone: estate.timeZone, policy: estate.policy }),
  };
}
