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
    .select(['id', 'name', 'office_name', 'policy', 'time_zone', 'created_at'])
    .where('id', '=', estateId)
    .executeTakeFirst();
  if (!row) throw notFound('estate');
  return { ...row, policy: EstatePolicy.parse(JSON.parse(row.policy)), timeZone: row.time_zone };
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
