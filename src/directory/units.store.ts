import type { Kysely, Transaction } from 'kysely';
import type { z } from 'zod';
import type { ListUnitsQuery } from '../contract/directory.js';
import type { BuildingRow, Database, UnitRow } from '../platform/db/schema.js';
import { likePattern, type Paging, unitColumns, unitsQuery } from './store.js';

/** Buildings and units of an estate. */
type Trx = Transaction<Database>;
type Db = Kysely<Database> | Trx;

/** A page of an estate's buildings by name, each with how many units it has; with the total. */
export async function pageOfBuildings(db: Db, estateId: string, paging: Paging) {
  const base = db.selectFrom('buildings').where('estate_id', '=', estateId);
  const { n } = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await base
    .select((eb) => [
      'buildings.id',
      'buildings.estate_id',
      'buildings.name',
      'buildings.created_at',
      eb.selectFrom('units').select(eb.fn.countAll<number>().as('c')).whereRef('units.building_id', '=', 'buildings.id').as('unit_count'),
    ])
    .orderBy('name')
    .limit(paging.pageSize)
    .offset((paging.page - 1) * paging.pageSize)
    .execute();
  return { rows, total: Number(n) };
}

export async function insertBuilding(trx: Trx, row: BuildingRow): Promise<void> {
  await trx.insertInto('buildings').values(row).execute();
}

export async function renameBuilding(trx: Trx, buildingId: string, name: string, at: string): Promise<void> {
  await trx.updateTable('buildings').set({ name, updated_at: at }).where('id', '=', buildingId).execute();
}

export async function unitCountOfBuilding(db: Db, buildingId: string): Promise<number> {
  const { n } = await db
    .selectFrom('units')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('building_id', '=', buildingId)
    .executeTakeFirstOrThrow();
  return Number(n);
}

/** An estate's buildings, id and name. */
export async function buildingsOf(db: Db, estateId: string) {
  return db.selectFrom('buildings').select(['id', 'name']).where('estate_id', '=', estateId).execute();
}

const UNIT_SORT = {
  number: ['buildings.name', 'units.number'],
  floor: ['units.floor', 'units.number'],
  area: ['units.area_m2', 'units.number'],
} as const;

/** A page of an estate's units, searched and sorted as asked; with the total. */
export async function pageOfUnits(db: Db, estateId: string, query: z.infer<typeof ListUnitsQuery>) {
  const { q, buildingId, floor, sort, page, pageSize } = query;
  let base = unitsQuery(db, estateId);
  if (q) base = base.where('units.number', 'like', likePattern(q));
  if (buildingId) base = base.where('units.building_id', '=', buildingId);
  if (floor !== undefined) base = base.where('units.floor', '=', floor);
  const { n } = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const desc = sort.startsWith('-');
  const [first, second] = UNIT_SORT[sort.replace('-', '') as keyof typeof UNIT_SORT];
  const rows = await base
    .select(unitColumns)
    .orderBy(first, desc ? 'desc' : 'asc')
    .orderBy(second, desc ? 'desc' : 'asc')
    .orderBy('units.id')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  return { rows, total: Number(n) };
}

/** Every unit of an estate with its building's name. */
export async function unitsOfEstate(db: Db, estateId: string) {
  return unitsQuery(db, estateId).select(unitColumns).execute();
}

/** Every unit of an estate as the export writes it: by building, floor and number. */
export async function unitsForExport(db: Db, estateId: string) {
  return unitsQuery(db, estateId)
    .select(['buildings.name as building_name', 'units.number', 'units.floor', 'units.area_m2'])
    .orderBy('buildings.name')
    .orderBy('units.floor')
    .orderBy('units.number')
    .execute();
}

export async function insertUnit(trx: Trx, row: UnitRow): Promise<void> {
  await trx.insertInto('units').values(row).execute();
}

export async function updateUnitRow(
  trx: Trx,
  unitId: string,
  patch: Partial<Pick<UnitRow, 'building_id' | 'number' | 'floor' | 'area_m2'>> & { updated_at: string },
): Promise<void> {
  await trx.updateTable('units').set(patch).where('id', '=', unitId).execute();
}
