import type { Insertable, Kysely, Transaction, Updateable } from 'kysely';
import { residentTitle, staffName } from '../../directory/index.js';
import type { Database } from '../../platform/db/schema.js';
import type { VisitTable } from '../tables.js';
import { unitShown } from './shown.js';

/** Queries of walk-in visits (R-WK-1..4). */
type Db = Kysely<Database> | Transaction<Database>;
type Trx = Transaction<Database>;

function visitsQuery(db: Db, estateId: string) {
  return db
    .selectFrom('visits')
    .selectAll('visits')
    .select((e) => [
      ...unitShown(e.ref('visits.unit_id')),
      staffName(e.ref('visits.asked_for_id')).as('asked_name'),
      staffName(e.ref('visits.routed_to_id')).as('routed_name'),
      staffName(e.ref('visits.received_by')).as('receiver_name'),
      residentTitle(e.ref('visits.resident_id')).as('visitor_title'),
    ])
    .where('visits.estate_id', '=', estateId);
}
export type VisitRow = Awaited<ReturnType<ReturnType<typeof visitsQuery>['executeTakeFirstOrThrow']>>;

export async function findVisit(db: Db, estateId: string, visitId: string): Promise<VisitRow> {
  return visitsQuery(db, estateId).where('visits.id', '=', visitId).executeTakeFirstOrThrow();
}

/**
 * The estate a visit is in, by its id alone: the caller checks the actor's ability there
 * before reading the visit, and answers 404 for another estate's.
 */
export async function estateOfVisit(db: Db, visitId: string): Promise<string | undefined> {
  return (await db.selectFrom('visits').select('estate_id').where('id', '=', visitId).executeTakeFirst())?.estate_id;
}

export async function insertVisit(trx: Trx, row: Insertable<VisitTable>): Promise<void> {
  await trx.insertInto('visits').values(row).execute();
}

export async function updateVisit(trx: Trx, estateId: string, visitId: string, patch: Updateable<VisitTable>): Promise<void> {
  await trx.updateTable('visits').set(patch).where('id', '=', visitId).where('estate_id', '=', estateId).execute();
}

/** Who is serving a visitor at the counter now. */
export async function servingReceivers(db: Db, estateId: string): Promise<Set<string | null>> {
  const rows = await db
    .selectFrom('visits')
    .select('received_by')
    .where('estate_id', '=', estateId)
    .where('status', '=', 'serving')
    .execute();
  return new Set(rows.map((r) => r.received_by));
}

/** How many visitors wait to be received. */
export async function countWaiting(db: Db, estateId: string): Promise<number> {
  const { n } = await db
    .selectFrom('visits')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('estate_id', '=', estateId)
    .where('status', '=', 'waiting')
    .executeTakeFirstOrThrow();
  return Number(n);
}

/** A page of visits: by status (`open`: not departed), or arrived since `since`; the newest first for the past ones. */
export async function pageOfVisits(
  db: Db,
  estateId: string,
  filters: { status?: string | undefined; since?: string | undefined; newestFirst: boolean },
  paging: { page: number; pageSize: number },
): Promise<{ rows: VisitRow[]; total: number }> {
  let base = db.selectFrom('visits').where('visits.estate_id', '=', estateId);
  if (filters.status === 'waiting' || filters.status === 'serving' || filters.status === 'departed')
    base = base.where('visits.status', '=', filters.status);
  if (filters.status === 'open') base = base.where('visits.status', '!=', 'departed');
  if (filters.since !== undefined) base = base.where('visits.arrived_at', '>=', filters.since);
  const { n } = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const ids = (
    await base
      .select('visits.id')
      .orderBy('visits.arrived_at', filters.newestFirst ? 'desc' : 'asc')
      .orderBy('visits.id')
      .limit(paging.pageSize)
      .offset((paging.page - 1) * paging.pageSize)
      .execute()
  ).map((r) => r.id);
  const rows = ids.length ? await visitsQuery(db, estateId).where('visits.id', 'in', ids).execute() : [];
  const ordered = ids.map((id) => rows.find((r) => r.id === id)).filter((r): r is VisitRow => Boolean(r));
  return { rows: ordered, total: Number(n) };
}

/** Visits that arrived in [from, to]. */
export async function countArrivals(db: Db, estateId: string, from: string, to: string): Promise<number> {
  const { n } = await db
    .selectFrom('visits')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('estate_id', '=', estateId)
    .where('arrived_at', '>=', from)
    .where('arrived_at', '<=', to)
    .executeTakeFirstOrThrow();
  return Number(n);
}

/** The arrival and reception times of the visitors received that arrived since `from`. */
export async function receptionsSince(db: Db, estateId: string, from: string) {
  return db
    .selectFrom('visits')
    .select(['arrived_at', 'received_at'])
    .where('estate_id', '=', estateId)
    .where('arrived_at', '>=', from)
    .where('received_at', 'is not', null)
    .execute();
}
