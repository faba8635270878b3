import { type Actor, requireAbility } from '../../auth/index.js';
import { listCases } from '../../cases/index.js';
import { callerCandidates, householdOf, presentJoinedUnit } from '../../directory/index.js';
import type { AppContext } from '../../platform/context.js';

/** R-PH-4: who is calling: residents by phone (any part of it), unit or name, with their household and open cases. */
export async function lookupCaller(ctx: AppContext, opts: { actor: Actor; estateId: string; q: string }) {
  requireAbility(opts.actor, opts.estateId, 'caller.lookup');
  const q = opts.q.trim();
  if (!q) return { items: [] };
  const rows = await callerCandidates(ctx.db, opts.estateId, q);
  const items = [];
  for (const r of rows) {
    const household = r.unit_id ? await householdOf(ctx.db, opts.estateId, r.unit_id, r.id) : [];
    const open = r.unit_id
      ? await listCases(ctx, {
          actor: opts.actor,
          estateId: opts.estateId,
          query: { unitId: r.unit_id, status: 'open', page: 1, pageSize: 10, sort: '-recordedAt' },
        })
      : { items: [] };
    items.push({
      residentId: r.id,
      name: r.name,
      phone: r.phone,
      kind: r.kind,
      unit: presentJoinedUnit(r),
      household,
      openCases: open.items,
    });
  }
  return { items };
}
