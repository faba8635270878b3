import { type Actor, requireAbility } from '../../auth/index.js';
import type { AppContext } from '../../platform/context.js';
import { type TabularFormat, writeSheet } from '../../platform/tabular.js';
import { UNIT_COLUMNS } from '../rules.js';
import { unitsForExport } from '../units.store.js';

/** The estate's units as CSV or XLSX, in the columns the import reads. */
export async function exportUnits(ctx: AppContext, opts: { actor: Actor; estateId: string; format: TabularFormat }) {
  requireAbility(opts.actor, opts.estateId, 'unit.export');
  const rows = await unitsForExport(ctx.db, opts.estateId);
  return writeSheet(
    opts.format,
    'units',
    [...UNIT_COLUMNS],
    rows.map((r) => [r.building_name, r.number, Number(r.floor), r.area_m2 === null ? null : Number(r.area_m2)]),
  );
}
