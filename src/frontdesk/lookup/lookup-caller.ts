import { type Actor, requireAbility } from '../../auth/index.js';
import { listCases } from '../../cases/index.js';
import { householdOf, unitMatches } from '../../directory/index.js';
import type { AppContext } from '../../platform/context.js';

/**
 * R-PH-4: who is calling: residents by phone (any part of it), unit or name, found as every
 * screen's unit lookup finds them (the directory's `unitMatches`), with their household and
 * open cases.
 */
export async function lookupCaller(ctx: AppContext, opts: { actor: Actor; estateId: string; q: string }) {
  requireAbility(opts.actor, opts.estateId, 'caller.lookup');
  const q = opts.q.trim();
  if (!q) return { items: [] };
  const matches = await unitMatches(ctx.db, opts.estateId, { q, withResidents: true, limit: 10 });
  const items = [];
  for (const m of matches) {
    const household = m.unit && m.resident ? await householdOf(ctx.db, opts.estateId, m.unit.id, m.resident.id) : [];
    const open = m.unit
      ? await listCases(ctx, {
          actor: opts.actor,
          estateId: opts.estateId,
          query: { unitId: m.unit.id, status: 'open', page: 1, pageSize: 10, sort: '-recordedAt' },
        })
      : { items: [] };
    items.push({
      residentId: m.resident?.id ?? null,
      name: m.resident?.name ?? null,
      phone: m.resident?.phone ?? null,
      kind: m.resident?.kind ?? null,
      unit: m.unit,
      household,
      openCases: open.items,
    });
  }
  return { items };
}
