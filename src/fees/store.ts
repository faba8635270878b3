import type { Kysely, Transaction } from 'kysely';
import { likePattern } from '../directory/index.js';
import type { Database } from '../platform/db/schema.js';
import type { FeeItemRow } from './tables.js';

/** Queries of fee items (R-FE-1). Every function takes the estate. */
type Db = Kysely<Database> | Transaction<Database>;

export interface FeeItemFilters {
  q?: string | undefined;
  basis?: string | undefined;
  /** Only the periods in force on this day (YYYY-MM-DD, both ends inclusive). */
  inForceOn?: string | undefined;
}

export async function listFeeItemRows(
  db: Db,
  estateId: string,
  filters: FeeItemFilters,
  paging: { page: number; pageSize: number },
): Promise<{ rows: FeeItemRow[]; total: number }> {
  let base = db.selectFrom('fee_items').where('estate_id', '=', estateId);
  if (filters.q) {
    const like = likePattern(filters.q.toLowerCase());
    base = base.where((eb) =>
      eb.or([
        eb(eb.fn<string>('lower', ['name']), 'like', like),
        eb(eb.fn<string>('lower', ['name_en']), 'like', like),
        eb(eb.fn<string>('lower', ['code']), 'like', like),
      ]),
    );
  }
  if (filters.basis) base = base.where('basis', '=', filters.basis);
  if (filters.inForceOn) {
    const day = filters.inForceOn;
    base = base.where('effective_from', '<=', day).where((eb) => eb.or([eb('effective_to', 'is', null), eb('effective_to', '>=', day)]));
  }
  const { n } = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await base
    .selectAll()
    .orderBy('code')
    .orderBy('effective_from', 'desc')
    .orderBy('id')
    .limit(paging.pageSize)
    .offset((paging.page - 1) * paging.pageSize)
    .execute();
  return { rows, total: Number(n) };
}

/** A fee item by id; with an estate, only one of that estate. */
export async function findFeeItem(db: Db, estateId: string | null, feeItemId: string): Promise<FeeItemRow | undefined> {
  let q = db.selectFrom('fee_items').selectAll().where('id', '=', feeItemId);
  if (estateId) q = q.where('estate_id', '=', estateId);
  return q.executeTakeFirst();
}

/** Every period of an item (its code) in an estate, the first first. */
export async function periodsOfCode(db: Db, estateId: string, code: string): Promise<FeeItemRow[]> {
  return db
    .selectFrom('fee_items')
    .selectAll()
    .where('estate_id', '=', estateId)
    .where('code', '=', code)
    .orderBy('effective_from')
    .execute();
}

export async function insertFeeItem(trx: Transaction<Database>, row: FeeItemRow): Promise<void> {
  await trx.insertInto('fee_items').values(row).execute();
}

export async function updateFeeItemRow(
  trx: Transaction<Database>,
  feeItemId: string,
  patch: Partial<Omit<FeeItemRow, 'id' | 'estate_id'>>,
): Promise<void> {
  await trx.updateTable('fee_items').set(patch).where('id', '=', feeItemId).execute();
}

export async function feeItemCount(db: Db, estateId: string): Promise<number> {
  const { n } = await db
    .selectFrom('fee_items')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('estate_id', '=', estateId)
    .executeTakeFirstOrThrow();
  return Number(n);
}

/** R-FE-3: the periods of month-based items in force on some day of [first, last]. */
export async function monthlyPeriodsBetween(db: Db, estateId: string, first: string, last: string): Promise<FeeItemRow[]> {
  return db
    .selectFrom('fee_items')
    .selectAll()
    .where('estate_id', '=', estateId)
    .where('basis', 'in', ['per_m2_month', 'per_unit_month'])
    .where('effective_from', '<=', last)
    .where((eb) => eb.or([eb('effective_to', 'is', null), eb('effective_to', '>=', first)]))
    .orderBy('code')
    .orderBy('effective_from')
    .execute();
}
