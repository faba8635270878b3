/** The header row each import reads and each export writes: file column names, the same in every language. */
export const UNIT_IMPORT_COLUMNS = ['building', 'number', 'floor', 'area_m2'] as const;
export const RESIDENT_IMPORT_COLUMNS = [
  'name',
  'phone',
  'phone_alt',
  'email',
  'kind',
  'building',
  'unit',
  'title',
  'locale',
  'notify_channel',
  'opt_out',
] as const;
