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

/**
 * Residents who may be calling: by phone or second phone (any three digits or more of it,
 * spaces and dashes ignored), by name, or by unit ("12A", "A座 12A", "A座12A"); each with the
 * unit they live in as other records show it. At most ten, by name.
 */
export async function callerCandidates(db: Db, estateId: string, q: string) {
  const digits = q.replace(/\D/g, '');
  const like = `%${q.replace(/[%_\\]/g, '')}%`;
  return db
    .selectFrom('residents')
    .leftJoin('resident_units', 'resident_units.resident_id', 'residents.id')
    .leftJoin('units', 'units.id', 'resident_units.unit_id')
    .leftJoin('buildings', 'buildings.id', 'units.building_id')
    .select([
      'residents.id',
      'residents.name',
      'residents.phone',
      'residents.kind',
      'units.id as unit_id',
      'units.building_id',
      'buildings.name as building_name',
      'units.number as unit_number',
      'units.floor as unit_floor',
      'units.area_m2 as unit_area_m2',
    ])
    .where('residents.estate_id', '=', estateId)
    .where((eb) =>
      eb.or([
        ...(digits.length >= 3
          ? [
              eb(sql`replace(replace(coalesce(residents.phone, ''), ' ', ''), '-', '')`, 'like', `%${digits}%`),
              eb(sql`replace(replace(coalesce(residents.phone_alt, ''), ' ', ''), '-', '')`, 'like', `%${digits}%`),
            ]
          : []),
        eb('residents.name', 'like', like),
        eb('units.number', '=', q),
        eb(sql`coalesce(buildings.name, '') || ' ' || coalesce(units.number, '')`, '=', q),
        eb(sql`coalesce(buildings.name, '') || coalesce(units.number, '')`, '=', q.replace(/\s+/g, '')),
      ]),
    )
    .orderBy('residents.name')
    .limit(10)
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
