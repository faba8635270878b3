import { residentsForExport } from '../residents.store.js';
import { RESIDENT_COLUMNS } from '../rules.js';
import { sheetExport } from './export.js';

/** The estate's residents as CSV or XLSX, a line per unit, in the columns the import reads. */
export const exportResidents = sheetExport({
  ability: 'resident.export',
  sheet: 'residents',
  columns: RESIDENT_COLUMNS,
  rows: residentsForExport,
  line: (r) => [
    r.name,
    r.phone,
    r.phone_alt,
    r.email,
    r.kind,
    r.building_name,
    r.number,
    r.title,
    r.locale,
    r.notify_channel ?? 'auto',
    [r.sms_opt_out && 'sms', r.email_opt_out && 'email', r.portal_opt_out && 'portal'].filter(Boolean).join(' '),
  ],
});
