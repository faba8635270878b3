import type { z } from 'zod';
import { type Actor, requireAbility } from '../../auth/index.js';
import type { UpdateDepartmentBody } from '../../contract/directory.js';
import type { AppContext } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
import { runUseCase } from '../../platform/use-case.js';
import { staffCounts, updateDepartmentRow } from '../departments.store.js';
import { presentDepartment } from '../present.js';
import { findDepartment } from '../store.js';

export async function updateDepartment(
  ctx: AppContext,
  opts: { actor: Actor; departmentId: string; body: z.infer<typeof UpdateDepartmentBody> },
) {
  return runUseCase(ctx, { actorId: opts.actor.id }, async (uc) => {
    const before = await findDepartment(uc.trx, null, opts.departmentId);
    if (!before) throw notFound('department');
    requireAbility(opts.actor, before.estate_id, 'department.write', 'department');
    const b = opts.body;
    const patch = {
      ...(b.name !== undefined && { name: b.name }),
      ...(b.caseKinds !== undefined && { case_kinds: JSON.stringify(b.caseKinds) }),
      ...(b.repairClasses !== undefined && { repair_classes: JSON.stringify(b.repairClasses) }),
      updated_at: uc.at,
    };
    await updateDepartmentRow(uc.trx, before.id, patch);
    const after = { ...before, ...patch };
    await uc.history({ estateId: before.estate_id, entityType: 'department', entityId: before.id, action: 'updated', before, after });
    const counts = await staffCounts(uc.trx, [before.id]);
    return presentDepartment(after, counts.get(before.id) ?? 0);
  });
}
