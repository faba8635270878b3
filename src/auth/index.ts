/**
 * What other capabilities may use of auth: the actor a request acts for, the ability checks,
 * password hashing and the insertion of an account. Nothing else of auth is public.
 */
export { insertStaff, type NewStaff } from './accounts.js';
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
  requireAbility,
  requireCompanyAbility,
  requireEstate,
  roleIn,
  rolesWith,
  seesEstate,
} from './policy.js';
export { actorOf } from './routes.js';
