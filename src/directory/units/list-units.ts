import type { z } from 'zod';
import type { Actor } from '../../auth/index.js';
import type { ListUnitsQuery } from '../../contract/directory.js';
import type { AppContext } from '../../platform/context.js';
import { estatePage } from '../estate-page.js';
import { presentUnit } from '../present.js';
import { residentCounts } from '../store.js';
import { pageOfUnits } from '../units.store.js';

export async function listUnits(ctx: AppContext, opts: { actor: Actor; estateId: string; query: z.infer<typeof ListUnitsQuery> }) {
  return estatePage(ctx, opts, {
    ability: 'unit.read',
    rows: pageOfUnits,
    present: async (db, rows) => {
      const counts = await residentCounts(
        db,
        rows.map((r) => r.id),
      );
      return rows.map((r) => presentUnit(r, counts.get(r.id) ?? 0));
    },
  });
}
