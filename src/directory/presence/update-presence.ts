import type { z } from 'zod';
import { type Actor, can, forbidden, roleIn, seesEstate } from '../../auth/index.js';
import type { UpdatePresenceBody } from '../../contract/directory.js';
import type { AppContext } from '../../platform/context.js';
import { runUseCase } from '../../platform/use-case.js';
import { insertPresence, presenceOfStaff, updatePresenceRow } from '../presence.store.js';
import { presentPresence } from '../present.js';
import { requireVisibleStaff } from '../staff/visible-staff.js';
import { membershipsOf } from '../store.js';

/**
 * R-WK-5: anyone sets their own presence; the desk and the manager set anyone's in their estates.
 * Every screen of the person's estates shows it at once.
 */
export async function updatePresence(ctx: AppContext, opts: { actor: Actor; staffId: string; body: z.infer<typeof UpdatePresenceBody> }) {
  return runUseCase(ctx, { actorId: opts.actor.id }, async (uc) => {
    const target = await requireVisibleStaff(uc.trx, opts.actor, opts.staffId);
    if (target.id !== opts.actor.id) {
      const shared = await membershipsOf(uc.trx, [target.id]);
      if (!opts.actor.allEstates && !shared.some((m) => can(opts.actor, m.estate_id, 'presence.write.others'))) {
        const seen = shared.find((m) => seesEstate(opts.actor, m.estate_id));
        throw forbidden('presence.write.others', seen ? roleIn(opts.actor, seen.estate_id) : undefined);
      }
    }
    const before = await presenceOfStaff(uc.trx, target.id);
    const b = opts.body;
    // "until" only means something while away; coming back clears it.
    const until = b.state === 'out' || b.state === 'meeting' || b.state === 'on_call' ? (b.until ?? null) : null;
    const row = {
      staff_id: target.id,
      state: b.state,
      until,
      note: b.note ?? null,
      on_task: b.onTask === undefined ? (before?.on_task ?? 0) : b.onTask ? 1 : 0,
      updated_at: uc.at,
      updated_by: opts.actor.id,
    };
    if (before) await updatePresenceRow(uc.trx, row);
    else await insertPresence(uc.trx, row);
    const memberships = await membershipsOf(uc.trx, [target.id]);
    for (const m of memberships) {
      await uc.history({
        estateId: m.estate_id,
        entityType: 'presence',
        entityId: target.id,
        action: 'updated',
        before: before ?? null,
        after: row,
      });
      uc.live({ estateId: m.estate_id, type: 'presence.updated', subjectId: target.id });
    }
    return presentPresence(target.id, row);
  });
}
