import type { z } from 'zod';
import { type Actor, requireAbility } from '../../auth/index.js';
import type { UpdateUnitBody } from '../../contract/directory.js';
import type { AppContext } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
import { runUseCase } from '../../platform/use-case.js';
import { presentUnit } from '../present.js';
import { findUnit, residentCounts } from '../store.js';
import { updateUnitRow } from '../units.store.js';
import { requireBuildingIn } from './building-in.js';

export async function updateUnit(ctx: AppContext, opts: { actor: Actor; unitId: string; body: z.infer<typeof UpdateUnitBody> }) {
  return runUseCase(ctx, { actorId: opts.actor.id, duplicateField: 'number' }, async (uc) => {
    const before = await findUnit(uc.trx, null, opts.unitId);
    if (!before) throw notFound('unit');
    requireAbility(opts.actor, before.estate_id, 'unit.write', 'unit');
    const b = opts.body;
    const building = b.buildingId ? await requireBuildingIn(uc.trx, before.estate_id, b.buildingId) : null;
    const patch = {
      ...(building && { building_id: building.id }),
      ...(b.number !== undefined && { number: b.number }),
      ...(b.floor !== undefined && { floor: b.floor }),
      ...(b.areaM2 !== undefined && { area_m2: b.areaM2 }),
      updated_at: uc.at,
    };
    await updateUnitRow(uc.trx, before.id, patch);
    const after = { ...before, ...patch, building_name: building?.name ?? before.building_name };
    await uc.history({ estateId: before.estate_id, entityType: 'unit', entityId: before.id, action: 'updated', before, after });
    const counts = await residentCounts(uc.trx, [before.id]);
    return presentUnit(after, counts.get(before.id) ?? 0);
  });
}
