import type { z } from 'zod';
import { type Actor, requireAbility } from '../../auth/index.js';
import type { ListResidentsQuery } from '../../contract/directory.js';
import type { AppContext } from '../../platform/context.js';
import { presentResident } from '../present.js';
import { pageOfResidents } from '../residents.store.js';
import { unitsOfResidents } from '../store.js';

export async function listResidents(ctx: AppContext, opts: { actor: Actor; estateId: string; query: z.infer<typeof ListResidentsQuery> }) {
  requireAbility(opts.actor, opts.estateId, 'resident.read');
  const { page, pageSize } = opts.query;
  const { rows, total } = await pageOfResidents(ctx.db, opts.estateId, opts.query);
  const units = await unitsOfResidents(
    ctx.db,
    rows.map((r) => r.id),
  );
  return {
    items: rows.map((r) =>
      presentResident(
        r,
        units.filter((u) => u.resident_id === r.id),
      ),
    ),
    total,
    page,
    pageSize,
  };
}
