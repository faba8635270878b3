import type { z } from 'zod';
import { type Actor, requireAbility } from '../../auth/index.js';
import type { CreateDepartmentBody } from '../../contract/directory.js';
import type { AppContext } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { runUseCase } from '../../platform/use-case.js';
import { insertDepartment } from '../departments.store.js';
import { presentDepartment } from '../present.js';
import { findEstate } from '../store.js';

export async function createDepartment(
  ctx: AppContext,
  opts: { actor: Actor; estateId: string; body: z.infer<typeof CreateDepartmentBody> },
) {
  return runUseCase(
    ctx,
    { actorId: opts.actor.id, authorise: () => requireAbility(opts.actor, opts.estateId, 'department.write'), duplicateField: 'code' },
    async (uc) => {
      if (!(await findEstate(uc.trx, opts.estateId))) throw notFound('estate');
      const row = {
        id: newId(),
        estate_id: opts.estateId,
        code: opts.body.code,
        name: opts.body.name,
        case_kinds: JSON.stringify(opts.body.caseKinds),
        repair_classes: JSON.stringify(opts.body.repairClasses),
        created_at: uc.at,
        updated_at: uc.at,
      };
      await insertDepartment(uc.trx, row);
      await uc.history({
        estateId: opts.estateId,
        entityType: 'department',
        entityId: row.id,
        action: 'created',
        before: null,
        after: row,
      });
      return presentDepartment(row, 0);
    },
  );
}
