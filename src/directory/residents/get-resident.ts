import { type Actor, requireAbility } from '../../auth/index.js';
import type { AppContext } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
import { presentResident } from '../present.js';
import { findResident, unitsOfResidents } from '../store.js';

export async function getResident(ctx: AppContext, opts: { actor: Actor; residentId: string }) {
  const row = await findResident(ctx.db, null, opts.residentId);
  if (!row) throw notFound('resident');
  requireAbility(opts.actor, row.estate_id, 'resident.read', 'resident');
  return presentResident(row, await unitsOfResidents(ctx.db, [row.id]));
}
