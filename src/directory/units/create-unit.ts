import type { z } from 'zod';
import { type Actor, requireAbility } from '../../auth/index.js';
import type { CreateUnitBody } from '../../contract/directory.js';
import type { AppContext } from '../../platform/context.js';
import { newId } from '../../platform/ids.js';
import { runUseCase } from '../../platform/use-case.js';
import { presentUnit } from '../present.js';
import { insertUnit } from '../units.store.js';
import { requireBuildingIn } from './building-in.js';

export async function createUnit(ctx: AppContext, opts: { actor: Actor; estateId: string; body: z.infer<typeof CreateUnitBody> }) {
  return runUseCase(
    ctx,
    { actorId: opts.actor.id, authorise: () => requireAbility(opts.actor, opts.estateId, 'unit.write'), duplicateField: 'number' },
    async (uc) => {
      const building = await requireBuildingIn(uc.trx, opts.estateId, opts.body.buildingId);
      const row = {
        id: newId(),
        estate_id: opts.estateId,
        building_id: building.id,
        number: opts.body.number,
        floor: opts.body.floor,
        area_m2: opts.body.areaM2 ?? null,
        created_at: uc.at,
        updated_at: uc.at,
      };
      await insertUnit(uc.trx, row);
      await uc.history({ estateId: opts.estateId, entityType: 'unit', entityId: row.id, action: 'created', before: null, after: row });
      return presentUnit({ ...row, building_name: building.name }, 0);
    },
  );
}
