/**
 * What other capabilities may use of the directory: an estate's settings and policy, the people
 * and places in an estate, and the unit as other records show it; for auth, the staff accounts
 * it signs in; for the server and the CLI, the demo estate and the import and export. Other
 * stores show directory names beside their records through the subqueries of lookups.store.ts.
 */
export {
  accountById,
  accountByUsername,
  allEstateIds,
  estateRolesOf,
  estatesForSession,
  passwordHashOf,
  restoreAdmin,
  setPassword,
  staffExists,
  staffIdByUsername,
} from './accounts.store.js';
export { DEMO_ESTATE_CODE, insertDemo, loadDemo } from './demo.js';
export { deskStaffOf, householdOf, isResidentOfEstate, isUnitOfEstate } from './desk.store.js';
export { estateIdByCode, estateIdByCodeOrId } from './estates.store.js';
export {
  allEstateSettings,
  type ChargeableUnit,
  chargeableUnits,
  departmentDuties,
  departmentIdByCode,
  departmentInEstate,
  departmentName,
  estateField,
  estateSettings,
  managersOf,
  type ResidentContact,
  residentContact,
  residentTitle,
  staffEmail,
  staffEmailsOf,
  staffInEstate,
  staffName,
  staffNames,
  staffOfDepartments,
  unitBuildingName,
  unitField,
  unitInEstate,
} from './lookups.store.js';
export { presentJoinedUnit } from './present.js';
export { residentForAccount, residentName, residentsMatching, unitsOfResidents } from './resident-lookups.store.js';
export { setResidentPreferences } from './residents/set-resident-preferences.js';
export { insertStaff, type NewStaff } from './staff/insert-staff.js';
export { findEstate, likePattern } from './store.js';
export { exportResidents } from './transfer/export-residents.js';
export { exportUnits } from './transfer/export-units.js';
export { importResidents } from './transfer/import-residents.js';
export { importUnits } from './transfer/import-units.js';
export { type UnitMatch, unitMatches } from './units/unit-matches.js';
