import { UNIT_COLUMNS } from '../rules.js';
import { unitsForExport } from '../units.store.js';
import { sheetExport } from './export.js';

/** The estate's units as CSV or XLSX, in the columns the import reads. */
export const exportUnits = sheetExport({
  ability: 'unit.export',
  sheet: 'units',
  columns: UNIT_COLUMNS,
  rows: unitsForExport,
  line: (r) => [r.building_name, r.number, Number(r.floor), r.area_m2 === null ? null : Number(r.area_m2)],
});
