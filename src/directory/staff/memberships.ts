import { type Actor, can, seesEstate } from '../../auth/index.js';
import type { EstateRole, Role } from '../../contract/directory.js';
import { AppError, unknownReference } from '../../platform/errors.js';
import { isUniqueViolation } from '../../platform/idempotency.js';
import type { Trx } from '../../platform/use-case.js';
import { insertMemberships } from '../staff.store.js';
import { findDepartment, findEstate } from '../store.js';

export type Membership = { estateId: string; role?: EstateRole | undefined; departmentId: string | null; counterSeat: string | null };

/**
 * Every membership names an estate where the caller may manage staff (a role is granted only
 * in an estate its granter manages) and a department of that estate.
 */
export async function checkMemberships(trx: Trx, actor: Actor, memberships: Membership[]) {
  const seen = new Set<string>();
  for (const [i, m] of memberships.entries()) {
    if (!seesEstate(actor, m.estateId) || !(await findEstate(trx, m.estateId))) throw unknownReference(`estates.${i}.estateId`);
    if (!can(actor, m.estateId, 'staff.write'))
      throw new AppError('auth.forbidden', `estates.${i}.estateId: you do not manage the staff of this estate`, {
        field: `estates.${i}.estateId`,
        ability: 'staff.write',
      });
    if (seen.has(m.estateId))
      throw new AppError('validation.failed', `estates.${i}.estateId: listed twice`, { field: `estates.${i}.estateId` });
    seen.add(m.estateId);
    if (m.departmentId && !(await findDepartment(trx, m.estateId, m.departmentId))) throw unknownReference(`estates.${i}.departmentId`);
  }
}

/** Only an admin may make an admin. */
export function checkRoleGrant(actor: Actor, role: Role) {
  if (role === 'admin' && !actor.allEstates)
    throw new AppError('auth.forbidden', 'role: only an admin may make an admin', { field: 'role' });
}

/** The role a membership gets: its own, else the person's role (an admin's memberships are as manager). */
export function membershipRole(m: Membership, personRole: Role): EstateRole {
  return m.role ?? (personRole === 'admin' ? 'manager' : personRole);
}

/** Adds the person's memberships; a counter seat already taken in an estate answers 409. */
export async function addMemberships(trx: Trx, staffId: string, memberships: Membership[], personRole: Role) {
  try {
    await insertMemberships(
      trx,
      memberships.map((m) => ({
        staff_id: staffId,
        estate_id: m.estateId,
        department_id: m.departmentId,
        counter_seat: m.counterSeat,
        role: membershipRole(m, personRole),
      })),
    );
  } catch (err) {
    if (isUniqueViolation(err))
      throw new AppError('conflict.duplicate', 'estates.counterSeat: that counter seat is taken', { field: 'estates.counterSeat' });
    throw err;
  }
}
