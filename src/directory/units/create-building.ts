import type { z } from 'zod';
import { type Actor, requireAbility } from '../../auth/index.js';
import type { CreateBuildingBody } from '../../contract/directory.js';
import type { AppContext } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { runUseCase } from '../../platform/use-case.js';
import { findEstate } from '../store.js';
import { insertBuilding } from '../units.store.js';

export async function createBuilding(ctx: AppContext, opts: { actor: Actor; estateId: string; body: z.infer<typeof CreateBuildingBody> }) {
  return runUseCase(
    ctx,
    { actorId: opts.actor.id, authorise: () => requireAbility(opts.actor, opts.estateId, 'unit.write'), duplicateField: 'name' },
    async (uc) => {
      if (!(await findEstate(uc.trx, opts.estateId))) throw notFound('estate');
      const row = { id: newId(), estate_id: opts.estateId, name: opts.body.name, created_at: uc.at, updated_at: uc.at };
      await insertBuilding(uc.trx, row);
      await uc.history({ estateId: opts.estateId, entityType: 'building', entityId: row.id, action: 'created', before: null, after: row });
      return { id: row.id, estateId: row.estate_id, name: row.name, unitCount: 0, createdAt: uc.at };
    },
  );
}
