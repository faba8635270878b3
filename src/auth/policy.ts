import { casePolicy } from '../cases/policy.js';
import { directoryPolicy } from '../directory/policy.js';
import { feePolicy } from '../fees/policy.js';
import { followUpPolicy } from '../followups/policy.js';
import { frontDeskPolicy } from '../frontdesk/policy.js';
import { phrasePolicy } from '../phrases/policy.js';
import { ADMINS, DESK, definePolicy, type Holder, OFFICE } from '../platform/abilities.js';
import { AppError, notFound } from '../platform/errors.js';
import { publicPagePolicy } from '../publicpage/policy.js';
import { reportPolicy } from '../reports/policy.js';
import { telephonyPolicy } from '../telephony/policy.js';

/** A signed-in resident: their account, their record in the directory and the units they may act on (R-PT-1). */
export interface ResidentIdentity {
  accountId: string;
  residentId: string;
  estateId: string;
  unitIds: readonly string[];
}

/**
 * Who a request acts for: a staff member, with the estates they may see and their role in each,
 * or a resident (`kind: 'resident'`), who holds the role `resident` in the estate of their units.
 */
export interface Actor {
  kind: 'staff' | 'resident';
  /** The staff member's id, or the resident's account id. */
  id: string;
  username: string;
  name: string;
  surname: string;
  /** The company-level role: `admin` for the company's admins (every estate, every ability); `resident` for a resident. */
  role: Holder;
  /** The person's role in each estate they work for (roles are held per estate). */
  roles: Readonly<Record<string, Holder>>;
  locale: string;
  /** Estates this person works for; an admin works for the whole company. */
  estateIds: readonly string[];
  allEstates: boolean;
  sessionId: string;
  csrfToken: string;
  /** Set for a resident, null for staff. */
  resident: ResidentIdentity | null;
}

/** Abilities that belong to no one estate: only the company's admins hold them. */
export const companyPolicy = definePolicy({
  'estate.create': ADMINS,
  'staff.password.reset': ADMINS,
  'phrase.company.write': ADMINS,
});

/**
 * Residents' accounts for the portal (R-PT-1): the office sees who has one; the counter and the
 * manager invite a resident and close an account.
 */
export const residentAccountPolicy = definePolicy({
  'resident.account.read': OFFICE,
  'resident.invite': DESK,
  'resident.account.disable': DESK,
});

/** Every capability's table, by capability: what the session answer, the web app and the access-matrix test read. */
export const POLICIES = {
  company: companyPolicy,
  accounts: residentAccountPolicy,
  directory: directoryPolicy,
  cases: casePolicy,
  followups: followUpPolicy,
  frontdesk: frontDeskPolicy,
  phrases: phrasePolicy,
  publicpage: publicPagePolicy,
  fees: feePolicy,
  reports: reportPolicy,
  telephony: telephonyPolicy,
} as const;

type Tables = typeof POLICIES;
export type EstateAbility = { [K in Exclude<keyof Tables, 'company'>]: keyof Tables[K] }[Exclude<keyof Tables, 'company'>] & string;
export type CompanyAbility = keyof typeof companyPolicy & string;
export type Ability = EstateAbility | CompanyAbility;

const ESTATE_TABLE: Readonly<Record<string, readonly Holder[]>> = Object.assign(
  {},
  ...Object.entries(POLICIES)
    .filter(([name]) => name !== 'company')
    .map(([, table]) => table),
);
const COMPANY_TABLE: Readonly<Record<string, readonly Holder[]>> = companyPolicy;

/** Every estate ability's name, for the session answer and tests. */
export const ESTATE_ABILITIES = Object.keys(ESTATE_TABLE) as EstateAbility[];
export const COMPANY_ABILITIES = Object.keys(COMPANY_TABLE) as CompanyAbility[];

/** The roles holding an ability, read from the tables. */
export function rolesWith(ability: Ability): readonly Holder[] {
  return ESTATE_TABLE[ability] ?? COMPANY_TABLE[ability] ?? [];
}

/** The actor's role in an estate, or undefined when they do not work for it. */
export function roleIn(actor: Actor, estateId: string): Holder | undefined {
  if (actor.allEstates) return 'admin';
  return actor.roles[estateId];
}

export function seesEstate(actor: Actor, estateId: string): boolean {
  return roleIn(actor, estateId) !== undefined;
}

/** May the actor do this in this estate? */
export function can(actor: Actor, estateId: string, ability: EstateAbility): boolean {
  const role = roleIn(actor, estateId);
  return role !== undefined && (ESTATE_TABLE[ability]?.includes(role) ?? false);
}

export function canInCompany(actor: Actor, ability: CompanyAbility): boolean {
  return actor.allEstates && (COMPANY_TABLE[ability]?.includes('admin') ?? false);
}

/** The abilities the actor holds in an estate, in table order. */
export function abilitiesIn(actor: Actor, estateId: string): EstateAbility[] {
  return ESTATE_ABILITIES.filter((a) => can(actor, estateId, a));
}

export function forbidden(ability: Ability, role: Holder | undefined): AppError {
  return new AppError('auth.forbidden', `your role may not do this (${ability})`, { ability, role: role ?? null });
}

/**
 * Every use case checks one ability in the estate it acts in. A record of an estate the actor
 * does not work for answers 404, exactly as a record that does not exist, so nothing about it
 * leaks; a role without the ability answers 403 naming it.
 */
export function requireAbility(actor: Actor, estateId: string, ability: EstateAbility, what = 'estate'): void {
  const role = roleIn(actor, estateId);
  if (role === undefined) throw notFound(what);
  if (!ESTATE_TABLE[ability]?.includes(role)) throw forbidden(ability, role);
}

export function requireCompanyAbility(actor: Actor, ability: CompanyAbility): void {
  if (!canInCompany(actor, ability)) throw forbidden(ability, actor.role);
}

/** Reads scoped to the estate only (the ability is checked by the caller on the record). */
export function requireEstate(actor: Actor, estateId: string, what = 'estate'): void {
  if (!seesEstate(actor, estateId)) throw notFound(what);
}

/** The company acting through the command line or a test: an admin who sees every estate. */
export function companyActor(id: string, name = 'estatedesk command line'): Actor {
  return {
    kind: 'staff',
    id,
    username: 'system',
    name,
    surname: '',
    role: 'admin',
    roles: {},
    locale: 'en',
    estateIds: [],
    allEstates: true,
    sessionId: '',
    csrfToken: '',
    resident: null,
  };
}

/**
 * The staff record a resident's own reports name as who recorded them (R-IN-1, channel `portal`):
 * made by the migration that added residents' accounts; it cannot sign in and works for no estate.
 */
export const PORTAL_STAFF_ID = '00000000-0000-7000-8000-00000000a001';
