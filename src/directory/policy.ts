import { DESK, definePolicy, EVERYONE, MANAGERS, OFFICE, RESIDENTS } from '../platform/abilities.js';

/**
 * Who may do what with the estate's directory. Units are no secret to anyone working there;
 * residents' names and phones are for the office (maintenance staff see the resident of the
 * repair they hold on that case, not the directory); the directory leaves the building only
 * through a manager.
 */
export const directoryPolicy = definePolicy({
  'estate.read': EVERYONE,
  'estate.configure': MANAGERS,
  'unit.read': EVERYONE,
  'unit.write': DESK,
  'unit.import': DESK,
  'unit.export': DESK,
  'resident.read': OFFICE,
  'resident.write': DESK,
  'resident.import': DESK,
  'resident.export': MANAGERS,
  'department.read': EVERYONE,
  'department.write': MANAGERS,
  'staff.read': EVERYONE,
  'staff.write': MANAGERS,
  'presence.read': EVERYONE,
  'presence.write.others': DESK,
  'history.read': MANAGERS,
  // R-CP-5: a resident sets how they are told of their cases (their own record only).
  'portal.preferences.write': RESIDENTS,
});
