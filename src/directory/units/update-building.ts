import type { z } from 'zod';
import { type Actor, requireAbility } from '../../auth/index.js';
import type { UpdateBuildingBody } from '../../contract/directory.js';
import type { AppContext } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
import { runUseCase } from '../../platform/use-case.js';
import { findBuilding } from '../store.js';
import { renameBuilding, unitCountOfBuilding } from '../units.store.js';

export async function updateBuilding(
  ctx: AppContext,
  opts: { actor: Actor; buildingId: string; body: z.infer<typeof UpdateBuildingBody> },
) {
  return runUseCase(ctx, { actorId: opts.actor.id, duplicateField: 'name' }, async (uc) => {
    const before = await findBuilding(uc.trx, null, opts.buildingId);
    if (!before) throw notFound('building');
    requireAbility(opts.actor, before.estate_id, 'unit.write', 'building');
    await renameBuilding(uc.trx, before.id, opts.body.name, uc.at);
    const after = { ...before, name: opts.body.name, updated_at: uc.at };
    await uc.history({ estateId: before.estate_id, entityType: 'building', entityId: before.id, action: 'updated', before, after });
    const unitCount = await unitCountOfBuilding(uc.trx, before.id);
    return { id: after.id, estateId: after.estate_id, name: after.name, unitCount, createdAt: after.created_at };
  });
}
