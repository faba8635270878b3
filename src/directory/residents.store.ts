import type { Kysely, Transaction } from 'kysely';
import type { z } from 'zod';
import type { ListResidentsQuery } from '../contract/directory.js';
import type { Database, ResidentRow } from '../platform/db/schema.js';
import { likePattern } from './store.js';

/** Residents of an estate and the units they live in. */
type Trx = Transaction<Database>;
type Db = Kysely<Database> | Trx;

/** A page of an estate's residents, searched (name, phones, email, unit number), filtered and sorted; with the total. */
export async function pageOfResidents(db: Db, estateId: string, query: z.infer<typeof ListResidentsQuery>) {
  const { q, kind, unitId, buildingId, sort, page, pageSize } = query;
  let base = db.selectFrom('residents').where('residents.estate_id', '=', estateId);
  if (q) {
    const like = likePattern(q);
    base = base.where((eb) =>
      eb.or([
        eb('residents.name', 'like', like),
        eb('residents.phone', 'like', like),
        eb('residents.phone_alt', 'like', like),
        eb('residents.email', 'like', like),
        eb.exists(
          eb
            .selectFrom('resident_units')
            .innerJoin('units', 'units.id', 'resident_units.unit_id')
            .select('units.id')
            .whereRef('resident_units.resident_id', '=', 'residents.id')
            .where('units.number', 'like', like),
        ),
      ]),
    );
  }
  if (kind) base = base.where('residents.kind', '=', kind);
  if (unitId || buildingId) {
    base = base.where((eb) =>
      eb.exists(
        eb
          .selectFrom('resident_units')
          .innerJoin('units', 'units.id', 'resident_units.unit_id')
          .select('units.id')
          .whereRef('resident_units.resident_id', '=', 'residents.id')
          .$if(Boolean(unitId), (qb) => qb.where('units.id', '=', unitId as string))
          .$if(Boolean(buildingId), (qb) => qb.where('units.building_id', '=', buildingId as string)),
      ),
    );
  }
  const { n } = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const desc = sort.startsWith('-') ? 'desc' : 'asc';
  const column = sort.replace('-', '') === 'name' ? 'residents.name' : 'residents.created_at';
  const rows = await base
    .selectAll('residents')
    .orderBy(column, desc)
    .orderBy('residents.id')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  return { rows, total: Number(n) };
}

/** What a new resident may leave out: the title (R-WD-2) while unknown, and the R-CP-5 preferences (their defaults). */
type Optional = 'title' | 'locale' | 'notify_channel' | 'sms_opt_out' | 'email_opt_out' | 'portal_opt_out';
export type NewResidentRow = Omit<ResidentRow, Optional> & Partial<Pick<ResidentRow, Optional>>;

/** A new resident. */
export async function insertResident(trx: Trx, row: NewResidentRow): Promise<void> {
  await trx.insertInto('residents').values(row).execute();
}

export async function updateResidentRow(
  trx: Trx,
  residentId: string,
  patch: Partial<Pick<ResidentRow, 'name' | 'phone' | 'phone_alt' | 'email' | 'kind' | Optional>> & { updated_at: string },
): Promise<void> {
  await trx.updateTable('residents').set(patch).where('id', '=', residentId).execute();
}

/** Makes these (distinct, checked) units the resident's only ones. */
export async function replaceResidentUnits(trx: Trx, estateId: string, residentId: string, unitIds: string[]): Promise<void> {
  await trx.deleteFrom('resident_units').where('resident_id', '=', residentId).execute();
  if (unitIds.length) {
    await trx
      .insertInto('resident_units')
      .values(unitIds.map((unit_id) => ({ resident_id: residentId, unit_id, estate_id: estateId })))
      .execute();
  }
}

export async function residentsOfEstate(db: Db, estateId: string): Promise<ResidentRow[]> {
  return db.selectFrom('residents').selectAll().where('estate_id', '=', estateId).execute();
}

export async function livesIn(db: Db, residentId: string, unitId: string): Promise<boolean> {
  const row = await db
    .selectFrom('resident_units')
    .select('unit_id')
    .where('resident_id', '=', residentId)
    .where('unit_id', '=', unitId)
    .executeTakeFirst();
  return Boolean(row);
}

export async function linkResidentUnit(trx: Trx, estateId: string, residentId: string, unitId: string): Promise<void> {
  await trx.insertInto('resident_units').values({ resident_id: residentId, unit_id: unitId, estate_id: estateId }).execute();
}

/** Every resident of an estate as the export writes them: a line per unit (or one without), by name. */
export async function residentsForExport(db: Db, estateId: string) {
  return db
    .selectFrom('residents')
    .leftJoin('resident_units', 'resident_units.resident_id', 'residents.id')
    .leftJoin('units', 'units.id', 'resident_units.unit_id')
    .leftJoin('buildings', 'buildings.id', 'units.building_id')
    .select([
      'residents.name',
      'residents.phone',
      'residents.phone_alt',
      'residents.email',
      'residents.kind',
      'residents.title',
      'residents.locale',
      'residents.notify_channel',
      'residents.sms_opt_out',
      'residents.email_opt_out',
      'residents.portal_opt_out',
      'buildings.name as building_name',
      'units.number',
    ])
    .where('residents.estate_id', '=', estateId)
    .orderBy('residents.name')
    .orderBy('buildings.name')
    .orderBy('units.number')
    .execute();
}
