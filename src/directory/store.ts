import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../platform/db/schema.js';

/** Queries of the directory. Every function takes the estate it reads or writes. */
type Db = Kysely<Database> | Transaction<Database>;

export interface Paging {
  page: number;
  pageSize: number;
}

export function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export const unitColumns = [
  'units.id',
  'units.estate_id',
  'units.building_id',
  'buildings.name as building_name',
  'units.number',
  'units.floor',
  'units.area_m2',
  'units.created_at',
  'units.updated_at',
] as const;

export function unitsQuery(db: Db, estateId: string) {
  return db.selectFrom('units').innerJoin('buildings', 'buildings.id', 'units.building_id').where('units.estate_id', '=', estateId);
}

export async function findUnit(db: Db, estateId: string | null, unitId: string) {
  let q = db
    .selectFrom('units')
    .innerJoin('buildings', 'buildings.id', 'units.building_id')
    .select(unitColumns)
    .where('units.id', '=', unitId);
  if (estateId) q = q.where('units.estate_id', '=', estateId);
  return q.executeTakeFirst();
}

export async function residentCounts(db: Db, unitIds: string[]): Promise<Map<string, number>> {
  if (!unitIds.length) return new Map();
  const rows = await db
    .selectFrom('resident_units')
    .select(['unit_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('unit_id', 'in', unitIds)
    .groupBy('unit_id')
    .execute();
  return new Map(rows.map((r) => [r.unit_id, Number(r.n)]));
}

export async function unitsOfResidents(db: Db, residentIds: string[]) {
  if (!residentIds.length) return [];
  return db
    .selectFrom('resident_units')
    .innerJoin('units', 'units.id', 'resident_units.unit_id')
    .innerJoin('buildings', 'buildings.id', 'units.building_id')
    .select([
      'resident_units.resident_id',
      'units.id',
      'units.building_id',
      'buildings.name as building_name',
      'units.number',
      'units.floor',
      'units.area_m2',
    ])
    .where('resident_units.resident_id', 'in', residentIds)
    .orderBy('buildings.name')
    .orderBy('units.number')
    .execute();
}

export async function residentsOfUnit(db: Db, unitId: string) {
  return db
    .selectFrom('resident_units')
    .innerJoin('residents', 'residents.id', 'resident_units.resident_id')
    .select(['residents.id', 'residents.name', 'residents.phone', 'residents.kind'])
    .where('resident_units.unit_id', '=', unitId)
    .orderBy('residents.kind')
    .orderBy('residents.name')
    .execute();
}

/** The ids among `ids` that are units of this estate. */
export async function unitIdsInEstate(db: Db, estateId: string, ids: string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await db.selectFrom('units').select('id').where('estate_id', '=', estateId).where('id', 'in', ids).execute();
  return new Set(rows.map((r) => r.id));
}

export async function findResident(db: Db, estateId: string | null, residentId: string) {
  let q = db.selectFrom('residents').selectAll().where('id', '=', residentId);
  if (estateId) q = q.where('estate_id', '=', estateId);
  return q.executeTakeFirst();
}

export async function findBuilding(db: Db, estateId: string | null, buildingId: string) {
  let q = db.selectFrom('buildings').selectAll().where('id', '=', buildingId);
  if (estateId) q = q.where('estate_id', '=', estateId);
  return q.executeTakeFirst();
}

export async function findDepartment(db: Db, estateId: string | null, departmentId: string) {
  let q = db.selectFrom('departments').selectAll().where('id', '=', departmentId);
  if (estateId) q = q.where('estate_id', '=', estateId);
  return q.executeTakeFirst();
}

export async function findEstate(db: Db, estateId: string) {
  return db.selectFrom('estates').selectAll().where('id', '=', estateId).executeTakeFirst();
}

export async function membershipsOf(db: Db, staffIds: string[]) {
  if (!staffIds.length) return [];
  return db.selectFrom('staff_estates').selectAll().where('staff_id', 'in', staffIds).execute();
}

export async function presenceOf(db: Db, staffIds: string[]) {
  if (!staffIds.length) return [];
  return db.selectFrom('presence').selectAll().where('staff_id', 'in', staffIds).execute();
}
