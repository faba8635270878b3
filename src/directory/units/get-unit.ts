import { type Actor, can, requireAbility } from '../../auth/index.js';
import type { AppContext } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
import { presentUnit } from '../present.js';
import { findUnit, residentsOfUnit } from '../store.js';

export async function getUnit(ctx: AppContext, opts: { actor: Actor; unitId: string }) {
  const row = await findUnit(ctx.db, null, opts.unitId);
  if (!row) throw notFound('unit');
  requireAbility(opts.actor, row.estate_id, 'unit.read', 'unit');
  const residents = await residentsOfUnit(ctx.db, row.id);
  // The unit is no secret to anyone in the estate; who lives there and their phones are the office's.
  const shown = can(opts.actor, row.estate_id, 'resident.read') ? residents : [];
  return {
    ...presentUnit(row, residents.length),
    residents: shown.map((r) => ({ id: r.id, name: r.name, phone: r.phone, kind: r.kind as 'owner' | 'tenant' })),
  };
}
