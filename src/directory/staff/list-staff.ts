import type { z } from 'zod';
import { type Actor, requireAbility } from '../../auth/index.js';
import type { ListStaffQuery } from '../../contract/directory.js';
import type { AppContext } from '../../platform/context.js';
import { pageOfStaffIds } from '../staff.store.js';
import { presentStaff } from './present-staff.js';

export async function listStaff(ctx: AppContext, opts: { actor: Actor; estateId: string; query: z.infer<typeof ListStaffQuery> }) {
  requireAbility(opts.actor, opts.estateId, 'staff.read');
  const { page, pageSize } = opts.query;
  const { ids, total } = await pageOfStaffIds(ctx.db, opts.estateId, opts.query);
  return { items: await presentStaff(ctx.db, opts.actor, ids), total, page, pageSize };
}
