import { type Actor, requireAbility } from '../../auth/index.js';
import type { AppContext } from '../../platform/context.js';
import { type TabularFormat, writeSheet } from '../../platform/tabular.js';
import { residentsForExport } from '../residents.store.js';
import { RESIDENT_COLUMNS } from '../rules.js';

/** The estate's residents as CSV or XLSX, a line per unit, in the columns the import reads. */
export async function exportResidents(ctx: AppContext, opts: { actor: Actor; estateId: string; format: TabularFormat }) {
  requireAbility(opts.actor, opts.estateId, 'resident.export');
  const rows = await residentsForExport(ctx.db, opts.estateId);
  return writeSheet(
    opts.format,
    'residents',
    [...RESIDENT_COLUMNS],
    rows.map((r) => [r.name, r.phone, r.phone_alt, r.email, r.kind, r.building_name, r.number]),
  );
}
