import { type Actor, requireAbility } from '../../auth/index.js';
import type { AppContext } from '../../platform/context.js';
import type { Paging } from '../store.js';
import { pageOfBuildings } from '../units.store.js';

export async function listBuildings(ctx: AppContext, opts: { actor: Actor; estateId: string } & Paging) {
  requireAbility(opts.actor, opts.estateId, 'unit.read');
  const { rows, total } = await pageOfBuildings(ctx.db, opts.estateId, opts);
  return {
    items: rows.map((r) => ({
      id: r.id,
      estateId: r.estate_id,
      name: r.name,
      unitCount: Number(r.unit_count ?? 0),
      createdAt: r.created_at,
    })),
    total,
    page: opts.page,
    pageSize: opts.pageSize,
  };
}
