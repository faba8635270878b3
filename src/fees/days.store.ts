import type { Kysely, Transaction } from 'kysely';
import { staffName } from '../directory/index.js';
import type { Database } from '../platform/db/schema.js';
import type { CashierDayRow, CashierDayTable, FeeChargeRunRow, FeeChargeRunTable } from './tables.js';

/**
 * Queries of the cashier's days (R-FE-4) and the monthly charge runs (R-FE-3). A day moves only
 * forward, open → closed → checked, by conditional updates (a trigger refuses anything else);
 * payments and voids "book" on an open day with an update of that row, so on PostgreSQL a close
 * waits for a payment being booked and a payment after the close finds the day closed.
 */
type Db = Kysely<Database> | Transaction<Database>;

export type DayRecord = CashierDayRow & { cashier_name: string; checker_name: string | null };

function daysQuery(db: Db, estateId: string) {
  return db
    .selectFrom('cashier_days as d')
    .selectAll('d')
    .select((e) => [
      staffName(e.ref('d.cashier_id')).$asScalar().$notNull().as('cashier_name'),
      staffName(e.ref('d.checked_by')).$asScalar().as('checker_name'),
    ])
    .where('d.estate_id', '=', estateId);
}

/** The cashier's day of a date, opened if it is not yet (R-FE-4: one a cashier, estate and date). */
export async function dayOf(
  trx: Transaction<Database>,
  opts: { id: string; estateId: string; cashierId: string; date: string; at: string },
): Promise<CashierDayRow> {
  const row: CashierDayTable = {
    id: opts.id,
    estate_id: opts.estateId,
    cashier_id: opts.cashierId,
    date: opts.date,
    state: 'open',
    opened_at: opts.at,
    last_booked_at: null,
    closed_at: null,
    closed_by: null,
    close_note: null,
    close_totals: null,
    checked_at: null,
    checked_by: null,
    check_note: null,
  };
  await trx
    .insertInto('cashier_days')
    .values(row)
    .onConflict((oc) => oc.columns(['estate_id', 'cashier_id', 'date']).doNothing())
    .execute();
  return trx
    .selectFrom('cashier_days')
    .selectAll()
    .where('estate_id', '=', opts.estateId)
    .where('cashier_id', '=', opts.cashierId)
    .where('date', '=', opts.date)
    .executeTakeFirstOrThrow();
}

/** Books a payment or a void on a day: true only while it is open (the row stays locked to commit). */
export async function bookOnDay(trx: Transaction<Database>, dayId: string, at: string): Promise<boolean> {
  const res = await trx
    .updateTable('cashier_days')
    .set({ last_booked_at: at })
    .where('id', '=', dayId)
    .where('state', '=', 'open')
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function findDay(db: Db, estateId: string, dayId: string): Promise<DayRecord | undefined> {
  return daysQuery(db, estateId).where('d.id', '=', dayId).executeTakeFirst();
}

export async function findDayOn(db: Db, estateId: string, cashierId: string, date: string): Promise<DayRecord | undefined> {
  return daysQuery(db, estateId).where('d.cashier_id', '=', cashierId).where('d.date', '=', date).executeTakeFirst();
}

export async function findDays(db: Db, estateId: string, ids: readonly string[]): Promise<DayRecord[]> {
  if (ids.length === 0) return [];
  return daysQuery(db, estateId).where('d.id', 'in', ids).execute();
}

export async function listDayRows(
  db: Db,
  estateId: string,
  f: { date?: string | undefined; cashierId?: string | undefined; state?: string | undefined },
  paging: { page: number; pageSize: number },
): Promise<{ rows: DayRecord[]; total: number }> {
  let q = daysQuery(db, estateId);
  if (f.date) q = q.where('d.date', '=', f.date);
  if (f.cashierId) q = q.where('d.cashier_id', '=', f.cashierId);
  if (f.state) q = q.where('d.state', '=', f.state);
  const { n } = await q
    .clearSelect()
    .select((e) => e.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const rows = await q
    .orderBy('d.date', 'desc')
    .orderBy('d.opened_at', 'desc')
    .limit(paging.pageSize)
    .offset((paging.page - 1) * paging.pageSize)
    .execute();
  return { rows, total: Number(n) };
}

/** R-FE-4: closes an open day with its totals frozen; false when it was not open. */
export async function closeDayRow(
  trx: Transaction<Database>,
  dayId: string,
  set: { closed_at: string; closed_by: string; close_note: string | null; close_totals: string },
): Promise<boolean> {
  const res = await trx
    .updateTable('cashier_days')
    .set({ ...set, state: 'closed' })
    .where('id', '=', dayId)
    .where('state', '=', 'open')
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** R-FE-4: a manager checks a closed day; false when it was not closed. */
export async function checkDayRow(
  trx: Transaction<Database>,
  dayId: string,
  set: { checked_at: string; checked_by: string; check_note: string | null },
): Promise<boolean> {
  const res = await trx
    .updateTable('cashier_days')
    .set({ ...set, state: 'checked' })
    .where('id', '=', dayId)
    .where('state', '=', 'closed')
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** The receipts booked on a day, in number order, and the voids booked on it. */
export async function bookingsOfDay(db: Db, estateId: string, dayId: string) {
  const receipts = await db
    .selectFrom('fee_payments as p')
    .leftJoin('fee_payment_voids as v', 'v.payment_id', 'p.id')
    .select(['p.id', 'p.receipt_number', 'p.unit_id', 'p.payer', 'p.method', 'p.amount', 'p.received_at', 'v.payment_id as voided'])
    .where('p.estate_id', '=', estateId)
    .where('p.cashier_day_id', '=', dayId)
    .orderBy('p.receipt_year')
    .orderBy('p.receipt_seq')
    .execute();
  const voids = await db
    .selectFrom('fee_payment_voids as v')
    .innerJoin('fee_payments as p', 'p.id', 'v.payment_id')
    .innerJoin('cashier_days as o', 'o.id', 'v.original_day_id')
    .select([
      'v.payment_id',
      'p.receipt_number',
      'p.method',
      'p.amount',
      'v.reason',
      'v.voided_at',
      'v.original_day_id',
      'o.date as original_date',
    ])
    .where('v.estate_id', '=', estateId)
    .where('v.cashier_day_id', '=', dayId)
    .orderBy('v.voided_at')
    .execute();
  return {
    receipts: receipts.map((r) => ({ ...r, amount: Number(r.amount), voided: r.voided !== null })),
    voids: voids.map((v) => ({ ...v, amount: Number(v.amount) })),
  };
}

/** The totals of the days of a date (all cashiers): receipts and voids booked on them. */
export async function bookingsOfDate(db: Db, estateId: string, date: string) {
  const receipts = await db
    .selectFrom('fee_payments as p')
    .innerJoin('cashier_days as d', 'd.id', 'p.cashier_day_id')
    .select(['p.method', 'p.amount'])
    .where('p.estate_id', '=', estateId)
    .where('d.date', '=', date)
    .execute();
  const voids = await db
    .selectFrom('fee_payment_voids as v')
    .innerJoin('cashier_days as d', 'd.id', 'v.cashier_day_id')
    .innerJoin('fee_payments as p', 'p.id', 'v.payment_id')
    .select(['p.method', 'p.amount'])
    .where('v.estate_id', '=', estateId)
    .where('d.date', '=', date)
    .execute();
  const num = (r: { method: string; amount: number }) => ({ method: r.method, amount: Number(r.amount) });
  return { receipts: receipts.map(num), voids: voids.map(num) };
}

export async function insertRun(trx: Transaction<Database>, row: FeeChargeRunTable): Promise<void> {
  await trx.insertInto('fee_charge_runs').values(row).execute();
}

export async function findRun(db: Db, estateId: string, runId: string): Promise<FeeChargeRunRow | undefined> {
  return db.selectFrom('fee_charge_runs').selectAll().where('estate_id', '=', estateId).where('id', '=', runId).executeTakeFirst();
}

/** The run of a month left running (a crash, or one under way). */
export async function runningRun(db: Db, estateId: string, period: string): Promise<FeeChargeRunRow | undefined> {
  return db
    .selectFrom('fee_charge_runs')
    .selectAll()
    .where('estate_id', '=', estateId)
    .where('period', '=', period)
    .where('state', '=', 'running')
    .orderBy('started_at')
    .executeTakeFirst();
}

export async function updateRun(trx: Transaction<Database>, runId: string, patch: Partial<Omit<FeeChargeRunTable, 'id' | 'estate_id'>>) {
  await trx.updateTable('fee_charge_runs').set(patch).where('id', '=', runId).execute();
}

export async function listRunRows(db: Db, estateId: string, period: string | undefined, paging: { page: number; pageSize: number }) {
  let q = db.selectFrom('fee_charge_runs').where('estate_id', '=', estateId);
  if (period) q = q.where('period', '=', period);
  const { n } = await q.select((e) => e.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await q
    .selectAll()
    .orderBy('started_at', 'desc')
    .limit(paging.pageSize)
    .offset((paging.page - 1) * paging.pageSize)
    .execute();
  return { rows, total: Number(n) };
}
