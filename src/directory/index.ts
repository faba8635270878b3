/**
 * What other capabilities may use of the directory: an estate's settings and policy, the people
 * and places in an estate, and the unit as other records show it. Other stores show directory
 * names beside their records through the subqueries of lookups.store.ts.
 */
export { callerCandidates, deskStaffOf, householdOf, isResidentOfEstate, isUnitOfEstate } from './desk.store.js';
export {
  departmentDuties,
  departmentIdByCode,
  departmentInEstate,
  departmentName,
  estateField,
  estateSettings,
  managersOf,
  residentContact,
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
export { findEstate, likePattern } from './store.js';
export { allEstateSettings } from './lookups.store.js';
