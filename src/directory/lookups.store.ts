import { type Expression, expressionBuilder, type Kysely, type Transaction } from 'kysely';
import { EstatePolicy } from '../contract/directory.js';
import type { Database } from '../platform/db/schema.js';
import { notFound } from '../platform/errors.js';

/**
 * The directory as other capabilities read it. Their stores show names and units beside their
 * own records through these subqueries (`staffName(e.ref('cases.assignee_id'))`), so that
 * only the directory names its tables; each is one indexed lookup by primary key.
 */
type Db = Kysely<Database> | Transaction<Database>;
const eb = expressionBuilder<Database, never>();
type Id = Expression<string | null>;

/** A staff member's name, by id. */
export function staffName(id: Id) {
  return eb.selectFrom('staff').select('staff.name').where('staff.id', '=', id);
}

/** R-WD-2: a resident's form of address (mr, mrs, miss, ms), by id. */
export function residentTitle(id: Id) {
  return eb.selectFrom('residents').select('residents.title').where('residents.id', '=', id);
}

/** A staff member's email, by id. */
export function staffEmail(id: Id) {
  return eb.selectFrom('staff').select('staff.email').where('staff.id', '=', id);
}

/** A department's name, by id. */
export function departmentName(id: Id) {
  return eb.selectFrom('departments').select('departments.name').where('departments.id', '=', id);
}

/** One field of a unit, by id. */
export function unitField<F extends 'number' | 'floor' | 'area_m2' | 'building_id'>(id: Id, field: F) {
  return eb
    .selectFrom('units')
    .select(`units.${field}` as `units.${F}`)
    .where('units.id', '=', id);
}

/** The name of the building a unit is in, by the unit's id. */
export function unitBuildingName(id: Id) {
  return eb
    .selectFrom('units')
    .innerJoin('buildings', 'buildings.id', 'units.building_id')
    .select('buildings.name')
    .where('units.id', '=', id);
}

/** One field of an estate, by id. */
export function estateField<F extends 'name' | 'office_name' | 'time_zone'>(id: Id, field: F) {
  return eb
    .selectFrom('estates')
    .select(`estates.${field}` as `estates.${F}`)
    .where('estates.id', '=', id);
}

/** An estate's settings with its policy parsed (the one place the policy column is read). */
export async function estateSettings(db: Db, estateId: string) {
  const row = await db
    .selectFrom('estates')
    .select(['id', 'code', 'name', 'office_name', 'policy', 'time_zone', 'created_at'])
    .where('id', '=', estateId)
    .executeTakeFirst();
  if (!row) throw notFound('estate');
  return { ...row, policy: parsedPolicy(row.policy), timeZone: row.time_zone };
}

/**
 * Policies parsed, by their stored text: every request of an estate reads its policy, and
 * parsing and checking it was a good part of a small request. Frozen, as they are shared.
 */
const policies = new Map<string, EstatePolicy>();
function parsedPolicy(text: string): EstatePolicy {
  const known = policies.get(text);
  if (known) return known;
  const policy = deepFreeze(EstatePolicy.parse(JSON.parse(text)));
  if (policies.size >= 1000) policies.clear();
  policies.set(text, policy);
  return policy;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** The estate's managers: those whose role in this estate is manager (roles are held per estate), by name. */
export async function managersOf(db: Db, estateId: string): Promise<{ id: string; name: string; email: string | null }[]> {
  return db
    .selectFrom('staff_estates')
    .innerJoin('staff', 'staff.id', 'staff_estates.staff_id')
    .select(['staff.id', 'staff.name', 'staff.email'])
    .where('staff_estates.estate_id', '=', estateId)
    .where('staff_estates.role', '=', 'manager')
    .where('staff.disabled_at', 'is', null)
    .orderBy('staff.name')
    .execute();
}

/** A staff member who works for the estate and is not disabled, with their role and department there; or undefined. */
export async function staffInEstate(db: Db, estateId: string, staffId: string) {
  return db
    .selectFrom('staff_estates')
    .innerJoin('staff', 'staff.id', 'staff_estates.staff_id')
    .select(['staff.id', 'staff.name', 'staff.role', 'staff.email', 'staff_estates.role as estate_role', 'staff_estates.department_id'])
    .where('staff_estates.estate_id', '=', estateId)
    .where('staff.id', '=', staffId)
    .where('staff.disabled_at', 'is', null)
    .executeTakeFirst();
}

/** The estate's department with this code (`front_desk`, `engineering`, …), or null. */
export async function departmentIdByCode(db: Db, estateId: string, code: string): Promise<string | null> {
  const row = await db.selectFrom('departments').select('id').where('estate_id', '=', estateId).where('code', '=', code).executeTakeFirst();
  return row?.id ?? null;
}

/** Whether the unit is one of the estate's. */
export async function unitInEstate(db: Db, estateId: string, unitId: string): Promise<boolean> {
  const row = await db.selectFrom('units').select('id').where('id', '=', unitId).where('estate_id', '=', estateId).executeTakeFirst();
  return Boolean(row);
}

/** A unit as the fee records show it (R-FE-3): where it is and its area. */
export interface ChargeableUnit {
  id: string;
  building_id: string;
  building_name: string;
  number: string;
  area_m2: number | null;
}

/** The estate's units for the monthly charge run, by building and number; with ids, only those. */
export async function chargeableUnits(db: Db, estateId: string, unitIds?: readonly string[]): Promise<ChargeableUnit[]> {
  let q = db
    .selectFrom('units')
    .innerJoin('buildings', 'buildings.id', 'units.building_id')
    .select(['units.id', 'units.building_id', 'buildings.name as building_name', 'units.number', 'units.area_m2'])
    .where('units.estate_id', '=', estateId);
  if (unitIds) {
    if (unitIds.length === 0) return [];
    q = q.where('units.id', 'in', unitIds);
  }
  const rows = await q.orderBy('buildings.name').orderBy('units.number').orderBy('units.id').execute();
  return rows.map((r) => ({ ...r, area_m2: r.area_m2 === null ? null : Number(r.area_m2) }));
}

/** A resident of the estate with how to reach them, or undefined. */
export async function residentContact(db: Db, estateId: string, residentId: string) {
  const row = await db
    .selectFrom('residents')
    .select(['id', 'name', 'phone', 'email', 'title', 'locale', 'notify_channel', 'sms_opt_out', 'email_opt_out', 'portal_opt_out'])
    .where('id', '=', residentId)
    .where('estate_id', '=', estateId)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    id: row.id,
    name: row.name,
    phone: row.phone,
    email: row.email,
    title: row.title,
    locale: row.locale as 'zh-Hant' | 'zh-Hans' | 'en',
    notifyChannel: row.notify_channel as 'sms' | 'email' | 'portal' | null,
    optOut: { sms: Boolean(row.sms_opt_out), email: Boolean(row.email_opt_out), portal: Boolean(row.portal_opt_out) },
  };
}
export type ResidentContact = NonNullable<Awaited<ReturnType<typeof residentContact>>>;

/** The estate's departments with the case kinds and repair classes each one handles. */
export async function departmentDuties(db: Db, estateId: string) {
  const rows = await db
    .selectFrom('departments')
    .select(['id', 'name', 'code', 'case_kinds', 'repair_classes'])
    .where('estate_id', '=', estateId)
    .execute();
  return rows.map((d) => ({
    id: d.id,
    name: d.name,
    code: d.code,
    caseKinds: JSON.parse(d.case_kinds) as string[],
    repairClasses: JSON.parse(d.repair_classes) as string[],
  }));
}

/** One of the estate's departments, or undefined. */
export async function departmentInEstate(db: Db, estateId: string, departmentId: string) {
  return db
    .selectFrom('departments')
    .select(['id', 'name'])
    .where('id', '=', departmentId)
    .where('estate_id', '=', estateId)
    .executeTakeFirst();
}

/** Who works in these departments of the estate and is not disabled, with whether they are in the office. */
export async function staffOfDepartments(db: Db, estateId: string, departmentIds: string[]) {
  if (!departmentIds.length) return [];
  return db
    .selectFrom('staff_estates')
    .innerJoin('staff', 'staff.id', 'staff_estates.staff_id')
    .leftJoin('presence', 'presence.staff_id', 'staff.id')
    .select(['staff.id', 'staff.name', 'staff_estates.department_id', 'presence.state'])
    .where('staff_estates.estate_id', '=', estateId)
    .where('staff_estates.department_id', 'in', departmentIds)
    .where('staff.disabled_at', 'is', null)
    .execute();
}

/** Staff names by id, for records that keep a person's id (a former colleague keeps their name). */
export async function staffNames(db: Db, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await db.selectFrom('staff').select(['id', 'name']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Email addresses of the staff among `staffIds` whose accounts are in use and have one. */
export async function staffEmailsOf(db: Db, staffIds: readonly string[]): Promise<Map<string, string>> {
  if (!staffIds.length) return new Map();
  const rows = await db
    .selectFrom('staff')
    .select(['id', 'email'])
    .where('id', 'in', [...staffIds])
    .where('disabled_at', 'is', null)
    .where('email', 'is not', null)
    .execute();
  return new Map(rows.flatMap((r) => (r.email ? [[r.id, r.email] as const] : [])));
}

/** Every estate's settings with its policy parsed (for work done across estates, as the sweep's). */
export async function allEstateSettings(db: Db) {
  const rows = await db.selectFrom('estates').select(['id', 'name', 'office_name', 'policy', 'time_zone', 'created_at']).execute();
  return rows.map((row) => ({ ...row, policy: EstatePolicy.parse(JSON.parse(row.policy)), timeZone: row.time_zone }));
}
