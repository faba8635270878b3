import type { Role } from '../contract/directory.js';

/**
 * The shape of every capability's `policy.ts`: named abilities, each with the roles that hold
 * it. A role is held per estate (a person may be receptionist in one estate and manager in
 * another), so a table answers "may this role do this in an estate"; company-wide abilities
 * (making an estate, the company phrase guide) are held only by the company's admins.
 */
export type PolicyTable = Readonly<Record<string, readonly Holder[]>>;

/**
 * Who may hold an ability: a staff role, or `resident`, the role a signed-in resident holds in
 * the estate of their units (R-PT-1). Residents hold only the portal's abilities, which act on
 * the records of their own units.
 */
export type Holder = Role | 'resident';

/** Keeps the literal ability names of a table for the type checker. */
export function definePolicy<const T extends PolicyTable>(table: T): T {
  return table;
}

/** Every role, for abilities anyone working in the estate holds. */
export const EVERYONE: readonly Role[] = ['admin', 'manager', 'receptionist', 'department', 'maintenance'];
/** The office: the people who deal with residents. Maintenance staff do the work the office checks. */
export const OFFICE: readonly Role[] = ['admin', 'manager', 'receptionist', 'department'];
/** The counter and the manager. */
export const DESK: readonly Role[] = ['admin', 'manager', 'receptionist'];
export const MANAGERS: readonly Role[] = ['admin', 'manager'];
export const ADMINS: readonly Role[] = ['admin'];
/** A signed-in resident, on the records of their own units (R-PT-1). */
export const RESIDENTS: readonly Holder[] = ['resident'];
