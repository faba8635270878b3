import type { Role } from '../contract/directory.js';
import { AppError, notFound } from '../platform/errors.js';

/** The signed-in staff member a request acts for, with the estates they may see. */
export interface Actor {
  id: string;
  username: string;
  name: string;
  surname: string;
  role: Role;
  locale: string;
  /** Estates this person works for; an admin works for the whole company. */
  estateIds: readonly string[];
  allEstates: boolean;
  sessionId: string;
  csrfToken: string;
}

export type Permission =
  | 'directory.write' // units, residents, buildings, imports
  | 'structure.write' // departments, estate settings
  | 'staff.write'
  | 'estate.create'
  | 'password.reset'
  | 'presence.write.others'
  | 'history.read';

const grants: Record<Role, readonly Permission[]> = {
  admin: ['directory.write', 'structure.write', 'staff.write', 'estate.create', 'password.reset', 'presence.write.others', 'history.read'],
  manager: ['directory.write', 'structure.write', 'staff.write', 'presence.write.others', 'history.read'],
  receptionist: ['directory.write', 'presence.write.others'],
  department: [],
  maintenance: [],
};

export function can(actor: Actor, permission: Permission): boolean {
  return grants[actor.role].includes(permission);
}

export function requirePermission(actor: Actor, permission: Permission): void {
  if (!can(actor, permission)) throw new AppError('auth.forbidden', `your role may not do this (${permission})`, { permission });
}

export function seesEstate(actor: Actor, estateId: string): boolean {
  return actor.allEstates || actor.estateIds.includes(estateId);
}

/**
 * Every read and write is scoped to the caller's estates. A record of another estate answers
 * 404, exactly as a record that does not exist, so nothing about it leaks.
 */
export function requireEstate(actor: Actor, estateId: string, what = 'estate'): void {
  if (!seesEstate(actor, estateId)) throw notFound(what);
}

/** The company acting through the command line or a test: an admin who sees every estate. */
export function companyActor(id: string, name = 'estatedesk command line'): Actor {
  return {
    id,
    username: 'system',
    name,
    surname: '',
    role: 'admin',
    locale: 'en',
    estateIds: [],
    allEstates: true,
    sessionId: '',
    csrfToken: '',
  };
}
