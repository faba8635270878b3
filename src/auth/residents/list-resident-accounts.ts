import type { z } from 'zod';
import type { ListResidentAccountsQuery, ResidentAccountPage } from '../../contract/portal.js';
import { unitsOfResidents } from '../../directory/index.js';
import type { AppContext } from '../../platform/context.js';
import { type Actor, requireAbility } from '../policy.js';
import { listAccounts } from '../residents.store.js';
import { presentAccount } from './present.js';

/** R-PT-1: who of the estate's residents has a portal account, was invited, or was closed; by name, phone or unit. */
export async function listResidentAccounts(
  ctx: AppContext,
  opts: { actor: Actor; estateId: string; query: z.infer<typeof ListResidentAccountsQuery> },
): Promise<z.infer<typeof ResidentAccountPage>> {
  requireAbility(opts.actor, opts.estateId, 'resident.account.read');
  const { page, pageSize, status, q } = opts.query;
  const { total, rows } = await listAccounts(ctx.db, opts.estateId, { status, q, limit: pageSize, offset: (page - 1) * pageSize });
  const units = await unitsOfResidents(
    ctx.db,
    rows.map((r) => r.resident_id),
  );
  const unitsBy = (residentId: string) =>
    units.filter((u) => u.resident_id === residentId).map((u) => ({ id: u.id, label: `${u.building} ${u.number}` }));
  return { items: rows.map((r) => presentAccount(r, unitsBy(r.resident_id))), total, page, pageSize };
}
