import type { z } from 'zod';
import type { Actor } from '../../auth/index.js';
import type { ListResidentsQuery } from '../../contract/directory.js';
import type { AppContext } from '../../platform/context.js';
import { estatePage } from '../estate-page.js';
import { presentResident } from '../present.js';
import { pageOfResidents } from '../residents.store.js';
import { unitsOfResidents } from '../store.js';

export async function listResidents(ctx: AppContext, opts: { actor: Actor; estateId: string; query: z.infer<typeof ListResidentsQuery> }) {
  return estatePage(ctx, opts, {
    ability: 'resident.read',
    rows: pageOfResidents,
    present: async (db, rows) => {
      const units = await unitsOfResidents(
        db,
        rows.map((r) => r.id),
      );
      return rows.map((r) =>
        presentResident(
          r,
          units.filter((u) => u.resident_id === r.id),
        ),
      );
    },
  });
}
