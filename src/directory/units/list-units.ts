import type { z } from 'zod';
import { type Actor, requireAbility } from '../../auth/index.js';
import type { ListUnitsQuery } from '../../contract/directory.js';
import type { AppContext } from '../../platform/context.js';
import { presentUnit } from '../present.js';
import { residentCounts } from '../store.js';
import { pageOfUnits } from '../units.store.js';

export async function listUnits(ctx: AppContext, opts: { actor: Actor; estateId: string; query: z.infer<typeof ListUnitsQuery> }) {
  requireAbility(opts.actor, opts.estateId, 'unit.read');
  const { page, pageSize } = opts.query;
  const { rows, total } = await pageOfUnits(ctx.db, opts.estateId, opts.query);
  const counts = await residentCounts(
    ctx.db,
    rows.map((r) => r.id),
  );
  return { items: rows.map((r) => presentUnit(r, counts.get(r.id) ?? 0)), total, page, pageSize };
}
