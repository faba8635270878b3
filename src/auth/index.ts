/**
 * What other capabilities may use of auth: the actor a request acts for, the ability checks,
 * password hashing and the end of a person's sessions; for the server, the first admin and the
 * live stream behind sign-in. Nothing else of auth is public.
 */
export { createAdmin, ensureFirstAdmin } from './admin.js';
export { registerLiveRoutes } from './live.js';
export { type OperationRequest, type OperationSpec, operation } from './operation.js';
export { generatePassword, hashPassword, verifyPassword } from './passwords.js';
export {
  type Ability,
  type Actor,
  abilitiesIn,
  type CompanyAbility,
  can,
  canInCompany,
  companyActor,
  type EstateAbility,
  forbidden,
  POLICIES,
  PORTAL_STAFF_ID,
  type ResidentIdentity,
  requireAbility,
  requireCompanyAbility,
  requireEstate,
  roleIn,
  rolesWith,
  seesEstate,
} from './policy.js';
export { isResidentsRecord, requireResidentsRecord, residentOf, type UnitRecord } from './residents/session.js';
export { actorOf } from './routes.js';
export { deleteSessionsOf as endSessionsOf } from './store.js';
