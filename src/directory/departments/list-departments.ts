import { type Actor, requireAbility } from '../../auth/index.js';
import type { AppContext } from '../../platform/context.js';
import { pageOfDepartments, staffCounts } from '../departments.store.js';
import { presentDepartment } from '../present.js';
import type { Paging } from '../store.js';

export async function listDepartments(ctx: AppContext, opts: { actor: Actor; estateId: string } & Paging) {
  requireAbility(opts.actor, opts.estateId, 'department.read');
  const { rows, total } = await pageOfDepartments(ctx.db, opts.estateId, opts);
  const byId = await staffCounts(
    ctx.db,
    rows.map((r) => r.id),
  );
  return { items: rows.map((r) => presentDepartment(r, byId.get(r.id) ?? 0)), total, page: opts.page, pageSize: opts.pageSize };
}
