import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../platform/db/schema.js';

/**
 * The directory as the front desk reads it: who works at the estate and where they are now,
 * who is calling, and whether a unit or resident named by a caller belongs to the estate.
 */
type Db = Kysely<Database> | Transaction<Database>;

/** The estate's staff in use, by name: their role, seat and department there, and their presence. */
export async function deskStaffOf(db: Db, estateId: string) {
  return db
    .selectFrom('staff_estates')
    .innerJoin('staff', 'staff.id', 'staff_estates.staff_id')
    .leftJoin('presence', 'presence.staff_id', 'staff.id')
    .leftJoin('departments', 'departments.id', 'staff_estates.department_id')
    .select([
      'staff.id',
      'staff.name',
      'staff.surname',
      'staff_estates.role',
      'staff.locale',
      'staff_estates.counter_seat',
      'staff_estates.department_id',
      'departments.code as department_code',
      'departments.case_kinds',
      'presence.state',
      'presence.until',
      'presence.on_task',
    ])
    .where('staff_estates.estate_id', '=', estateId)
    .where('staff.disabled_at', 'is', null)
    .orderBy('staff.name')
    .execute();
}

const RESIDENT_COLUMNS = ['residents.id', 'residents.name', 'residents.phone', 'residents.kind'] as const;
const JOINED_UNIT_COLUMNS = [
  'units.id as unit_id',
  'units.building_id',
  'buildings.name as building_name',
  'units.number as unit_number',
  'units.floor as unit_floor',
  'units.area_m2 as unit_area_m2',
] as const;

/**
 * The estate's units whose number holds `unit` (spaces and case ignored), in the buildings
 * given (any when null): exact numbers first, then those starting with it, then the rest; at
 * most `limit`. The rules put them in natural order.
 */
export async function unitsNumbered(db: Db, estateId: string, opts: { unit: string; buildingIds: string[] | null; limit: number }) {
  if (opts.buildingIds?.length === 0) return [];
  const wanted = opts.unit.replace(/[%_\\]/g, '');
  if (!wanted) return [];
  const key = sql<string>`upper(replace(units.number, ' ', ''))`;
  let query = db
    .selectFrom('units')
    .innerJoin('buildings', 'buildings.id', 'units.building_id')
    .select(JOINED_UNIT_COLUMNS)
    .where('units.estate_id', '=', estateId)
    .where(key, 'like', `%${wanted}%`);
  if (opts.buildingIds) query = query.where('units.building_id', 'in', opts.buildingIds);
  return query
    .orderBy(sql`case when ${key} = ${wanted} then 0 when ${key} like ${`${wanted}%`} then 1 else 2 end`)
    .orderBy('buildings.name')
    .orderBy('units.floor')
    .orderBy('units.number')
    .limit(opts.limit)
    .execute();
}

/** The residents of these units of the estate, each with the unit's id: owners first, then by name. */
export async function residentsOfUnits(db: Db, estateId: string, unitIds: string[]) {
  if (!unitIds.length) return [];
  return db
    .selectFrom('resident_units')
    .innerJoin('residents', 'residents.id', 'resident_units.resident_id')
    .select([...RESIDENT_COLUMNS, 'resident_units.unit_id'])
    .where('residents.estate_id', '=', estateId)
    .where('resident_units.unit_id', 'in', unitIds)
    .orderBy('residents.kind')
    .orderBy('residents.name')
    .execute();
}

/**
 * Residents who may be calling, by phone or second phone (any three digits or more of it,
 * spaces and dashes ignored) or by name; each with every unit they live in (or none). At most
 * `limit` rows, by name.
 */
export async function residentsByPhoneOrName(
  db: Db,
  estateId: string,
  opts: { digits: string | null; name: string | null; limit: number },
) {
  const digits = opts.digits && opts.digits.length >= 3 ? opts.digits : null;
  const name = opts.name?.replace(/[%_\\]/g, '').trim() || null;
  if (!digits && !name) return [];
  return db
    .selectFrom('residents')
    .leftJoin('resident_units', 'resident_units.resident_id', 'residents.id')
    .leftJoin('units', 'units.id', 'resident_units.unit_id')
    .leftJoin('buildings', 'buildings.id', 'units.building_id')
    .select([...RESIDENT_COLUMNS, 'residents.phone_alt', ...JOINED_UNIT_COLUMNS])
    .where('residents.estate_id', '=', estateId)
    .where((eb) =>
      eb.or([
        ...(digits
          ? [
              eb(sql`replace(replace(coalesce(residents.phone, ''), ' ', ''), '-', '')`, 'like', `%${digits}%`),
              eb(sql`replace(replace(coalesce(residents.phone_alt, ''), ' ', ''), '-', '')`, 'like', `%${digits}%`),
            ]
          : []),
        ...(name ? [eb('residents.name', 'like', `%${name}%`)] : []),
      ]),
    )
    .orderBy('residents.name')
    .limit(opts.limit)
    .execute();
}

/** The other residents of a unit of the estate, by name. */
export async function householdOf(db: Db, estateId: string, unitId: string, exceptResidentId: string) {
  return db
    .selectFrom('resident_units')
    .innerJoin('residents', 'residents.id', 'resident_units.resident_id')
    .select(['residents.id', 'residents.name', 'residents.phone', 'residents.kind'])
    .where('residents.estate_id', '=', estateId)
    .where('resident_units.unit_id', '=', unitId)
    .where('residents.id', '!=', exceptResidentId)
    .orderBy('residents.name')
    .execute();
}

/** Whether the unit is one of the estate's. */
export async function isUnitOfEstate(db: Db, estateId: string, unitId: string): Promise<boolean> {
  const row = await db.selectFrom('units').select('id').where('id', '=', unitId).where('estate_id', '=', estateId).executeTakeFirst();
  return Boolean(row);
}

/** Whether the resident is one of the estate's. */
export async function isResidentOfEstate(db: Db, estateId: string, residentId: string): Promise<boolean> {
  const row = await db
    .selectFrom('residents')
    .select('id')
    .where('id', '=', residentId)
    .where('estate_id', '=', estateId)
    .executeTakeFirst();
  return Boolean(row);
}
