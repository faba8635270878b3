import { type Expression, type ExpressionBuilder, expressionBuilder, type Kysely, type Transaction } from 'kysely';
import { estateField, likePattern, staffName, unitBuildingName, unitField } from '../directory/index.js';
import type { Database } from '../platform/db/schema.js';
import type { FeeAllocationTable, FeeChargeRow, FeeChargeTable, FeePaymentRow, FeePaymentTable, FeePaymentVoidTable } from './tables.js';

/**
 * Queries of the money records (R-FE-2, R-FE-3): charges, payments (receipts), allocations and
 * voids. These tables are insert-only (triggers refuse UPDATE and DELETE): nothing here changes
 * a row. A voided payment's allocations no longer count, so what a charge still owes is its
 * amount less the allocations of valid payments. Every function takes the estate.
 */
type Db = Kysely<Database> | Transaction<Database>;
const eb = expressionBuilder<Database, never>();

/** The unit beside a money record, as the desk names it. */
function unitColumns(unitId: Expression<string>) {
  return [
    unitBuildingName(unitId).$asScalar().$notNull().as('building_name'),
    unitField(unitId, 'number').$asScalar().$notNull().as('unit_number'),
    unitField(unitId, 'area_m2').$asScalar().as('unit_area_m2'),
  ] as const;
}

export interface UnitColumns {
  unit_id: string;
  building_name: string;
  unit_number: string;
  unit_area_m2: number | null;
}

/** What valid (not voided) payments have allocated to a charge. */
function validPaidOn(chargeId: Expression<string>) {
  return eb
    .selectFrom('fee_allocations as a')
    .select((e) => e.fn.coalesce(e.fn.sum<number>('a.amount'), e.lit(0)).as('paid'))
    .where('a.charge_id', '=', chargeId)
    .where((e) =>
      e.not(e.exists(e.selectFrom('fee_payment_voids as v').select('v.payment_id').whereRef('v.payment_id', '=', 'a.payment_id'))),
    );
}

export type ChargeWithOwed = FeeChargeRow & UnitColumns & { paid: number };

function chargesQuery(db: Db, estateId: string) {
  return db
    .selectFrom('fee_charges as c')
    .selectAll('c')
    .select((e) => [...unitColumns(e.ref('c.unit_id')), validPaidOn(e.ref('c.id')).$asScalar().$notNull().as('paid')])
    .where('c.estate_id', '=', estateId);
}

const number = <T extends { amount: number; paid: number; unit_area_m2: number | null }>(r: T): T => ({
  ...r,
  amount: Number(r.amount),
  paid: Number(r.paid),
  unit_area_m2: r.unit_area_m2 === null ? null : Number(r.unit_area_m2),
});

export async function insertCharge(trx: Transaction<Database>, row: FeeChargeTable): Promise<void> {
  await trx.insertInto('fee_charges').values(row).execute();
}

/** R-FE-3: a run's charges; one whose run key exists already is skipped. The ones inserted. */
export async function insertRunCharges(trx: Transaction<Database>, rows: FeeChargeTable[]): Promise<{ count: number; amount: number }> {
  let count = 0;
  let amount = 0;
  for (const row of rows) {
    const inserted = await trx
      .insertInto('fee_charges')
      .values(row)
      .onConflict((oc) => oc.columns(['estate_id', 'run_key']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (inserted) {
      count++;
      amount += row.amount;
    }
  }
  return { count, amount };
}

/** The run keys of a month already charged, with their amounts (for the preview). */
export async function chargedRunKeys(db: Db, estateId: string, period: string): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('fee_charges')
    .select(['run_key', 'amount'])
    .where('estate_id', '=', estateId)
    .where('period', '=', period)
    .where('source', '=', 'run')
    .execute();
  return new Map(rows.map((r) => [r.run_key as string, Number(r.amount)]));
}

/** A unit's charges with what valid payments paid on each, oldest first. */
export async function chargesOfUnit(db: Db, estateId: string, unitId: string): Promise<ChargeWithOwed[]> {
  const rows = await chargesQuery(db, estateId)
    .where('c.unit_id', '=', unitId)
    .orderBy('c.charged_on')
    .orderBy('c.created_at')
    .orderBy('c.id')
    .execute();
  return rows.map(number);
}

export async function findCharges(db: Db, estateId: string, ids: readonly string[]): Promise<ChargeWithOwed[]> {
  if (ids.length === 0) return [];
  return (await chargesQuery(db, estateId).where('c.id', 'in', ids).execute()).map(number);
}

export interface ChargeFilters {
  unitId?: string | undefined;
  period?: string | undefined;
  feeItemCode?: string | undefined;
  outstanding?: boolean | undefined;
}

export async function listChargeRows(db: Db, estateId: string, f: ChargeFilters, paging: { page: number; pageSize: number }) {
  let q = chargesQuery(db, estateId);
  if (f.unitId) q = q.where('c.unit_id', '=', f.unitId);
  if (f.period) q = q.where('c.period', '=', f.period);
  if (f.feeItemCode) q = q.where('c.fee_item_code', '=', f.feeItemCode);
  if (f.outstanding !== undefined) {
    const owed = (e: ExpressionBuilder<Database & { c: FeeChargeTable }, 'c'>) =>
      e('c.amount', '>', validPaidOn(e.ref('c.id')).$asScalar().$notNull());
    q = f.outstanding ? q.where(owed) : q.where((e) => e.not(owed(e)));
  }
  const { n } = await q
    .clearSelect()
    .select((e) => e.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const rows = await q
    .orderBy('c.charged_on', 'desc')
    .orderBy('c.created_at', 'desc')
    .orderBy('c.id')
    .limit(paging.pageSize)
    .offset((paging.page - 1) * paging.pageSize)
    .execute();
  return { rows: rows.map(number), total: Number(n) };
}

/** R-FE-3: the estate's charges still owing something that fell due by `asOf`, for the arrears. */
export async function owingCharges(db: Db, estateId: string, opts: { asOf: string; unitIds?: readonly string[] | undefined }) {
  let q = chargesQuery(db, estateId)
    .where('c.charged_on', '<=', opts.asOf)
    .where((e) => e('c.amount', '>', validPaidOn(e.ref('c.id')).$asScalar().$notNull()));
  if (opts.unitIds) {
    if (opts.unitIds.length === 0) return [];
    q = q.where('c.unit_id', 'in', opts.unitIds);
  }
  return (await q.orderBy('c.charged_on').execute()).map(number);
}

export async function insertPayment(trx: Transaction<Database>, row: FeePaymentTable): Promise<void> {
  await trx.insertInto('fee_payments').values(row).execute();
}

export async function insertAllocations(trx: Transaction<Database>, rows: FeeAllocationTable[]): Promise<void> {
  if (rows.length) await trx.insertInto('fee_allocations').values(rows).execute();
}

export async function insertVoid(trx: Transaction<Database>, row: FeePaymentVoidTable): Promise<void> {
  await trx.insertInto('fee_payment_voids').values(row).execute();
}

function paymentsQuery(db: Db, estateId: string) {
  return db
    .selectFrom('fee_payments as p')
    .leftJoin('fee_payment_voids as v', 'v.payment_id', 'p.id')
    .selectAll('p')
    .select((e) => [
      ...unitColumns(e.ref('p.unit_id')),
      estateField(e.ref('p.estate_id'), 'name').$asScalar().$notNull().as('estate_name'),
      staffName(e.ref('p.cashier_id')).$asScalar().$notNull().as('cashier_name'),
      'v.reason as void_reason',
      'v.voided_by',
      'v.voided_at',
      'v.cashier_day_id as void_day_id',
      'v.original_day_id as void_original_day_id',
      staffName(e.ref('v.voided_by')).$asScalar().as('voider_name'),
    ])
    .where('p.estate_id', '=', estateId);
}

export type PaymentRecord = FeePaymentRow &
  UnitColumns & {
    estate_name: string;
    cashier_name: string;
    void_reason: string | null;
    voided_by: string | null;
    voided_at: string | null;
    void_day_id: string | null;
    void_original_day_id: string | null;
    voider_name: string | null;
  };

const paymentNumbers = <T extends { amount: number; unit_area_m2: number | null; receipt_year: number; receipt_seq: number }>(r: T): T => ({
  ...r,
  amount: Number(r.amount),
  receipt_year: Number(r.receipt_year),
  receipt_seq: Number(r.receipt_seq),
  unit_area_m2: r.unit_area_m2 === null ? null : Number(r.unit_area_m2),
});

export async function findPayment(db: Db, estateId: string | null, paymentId: string): Promise<PaymentRecord | undefined> {
  let q = db
    .selectFrom('fee_payments as p')
    .leftJoin('fee_payment_voids as v', 'v.payment_id', 'p.id')
    .selectAll('p')
    .select((e) => [
      ...unitColumns(e.ref('p.unit_id')),
      estateField(e.ref('p.estate_id'), 'name').$asScalar().$notNull().as('estate_name'),
      staffName(e.ref('p.cashier_id')).$asScalar().$notNull().as('cashier_name'),
      'v.reason as void_reason',
      'v.voided_by',
      'v.voided_at',
      'v.cashier_day_id as void_day_id',
      'v.original_day_id as void_original_day_id',
      staffName(e.ref('v.voided_by')).$asScalar().as('voider_name'),
    ])
    .where('p.id', '=', paymentId);
  if (estateId) q = q.where('p.estate_id', '=', estateId);
  const row = await q.executeTakeFirst();
  return row && paymentNumbers(row);
}

export interface PaymentFilters {
  unitId?: string | undefined;
  cashierDayId?: string | undefined;
  fromInstant?: string | undefined;
  beforeInstant?: string | undefined;
  q?: string | undefined;
  voided?: boolean | undefined;
}

export async function listPaymentRows(
  db: Db,
  estateId: string,
  f: PaymentFilters,
  paging: { page: number; pageSize: number },
  order: 'newest' | 'number' = 'newest',
): Promise<{ rows: PaymentRecord[]; total: number }> {
  let q = paymentsQuery(db, estateId);
  if (f.unitId) q = q.where('p.unit_id', '=', f.unitId);
  if (f.cashierDayId) q = q.where('p.cashier_day_id', '=', f.cashierDayId);
  if (f.fromInstant) q = q.where('p.received_at', '>=', f.fromInstant);
  if (f.beforeInstant) q = q.where('p.received_at', '<', f.beforeInstant);
  if (f.voided !== undefined) q = q.where('v.payment_id', f.voided ? 'is not' : 'is', null);
  if (f.q) {
    const like = likePattern(f.q.toLowerCase());
    q = q.where((e) => e.or([e('p.receipt_number', 'like', like), e(e.fn<string>('lower', ['p.payer']), 'like', like)]));
  }
  const { n } = await q
    .clearSelect()
    .select((e) => e.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const ordered =
    order === 'number'
      ? q.orderBy('p.receipt_year').orderBy('p.receipt_seq')
      : q.orderBy('p.received_at', 'desc').orderBy('p.receipt_year', 'desc').orderBy('p.receipt_seq', 'desc');
  const rows = await ordered
    .limit(paging.pageSize)
    .offset((paging.page - 1) * paging.pageSize)
    .execute();
  return { rows: rows.map(paymentNumbers), total: Number(n) };
}

/** The allocations of payments, with the charges they paid. */
export async function allocationsOf(db: Db, estateId: string, paymentIds: readonly string[]) {
  if (paymentIds.length === 0) return [];
  const rows = await db
    .selectFrom('fee_allocations as a')
    .innerJoin('fee_charges as c', 'c.id', 'a.charge_id')
    .select(['a.payment_id', 'a.charge_id', 'a.amount', 'c.description', 'c.period', 'c.charged_on'])
    .where('a.estate_id', '=', estateId)
    .where('a.payment_id', 'in', paymentIds)
    .orderBy('c.charged_on')
    .orderBy('c.created_at')
    .orderBy('a.id')
    .execute();
  return rows.map((r) => ({ ...r, amount: Number(r.amount) }));
}

/** R-FE-3: a unit's balance: its charges less its valid payments. */
export async function unitBalance(db: Db, estateId: string, unitId: string): Promise<number> {
  const row = await db
    .selectNoFrom((e) => [
      e
        .selectFrom('fee_charges')
        .select((s) => s.fn.coalesce(s.fn.sum<number>('amount'), s.lit(0)).as('x'))
        .where('estate_id', '=', estateId)
        .where('unit_id', '=', unitId)
        .$asScalar()
        .as('charged'),
      e
        .selectFrom('fee_payments as p')
        .select((s) => s.fn.coalesce(s.fn.sum<number>('p.amount'), s.lit(0)).as('x'))
        .where('p.estate_id', '=', estateId)
        .where('p.unit_id', '=', unitId)
        .where((s) => s.not(s.exists(s.selectFrom('fee_payment_voids as v').select('v.payment_id').whereRef('v.payment_id', '=', 'p.id'))))
        .$asScalar()
        .as('paid'),
    ])
    .executeTakeFirstOrThrow();
  return Number(row.charged ?? 0) - Number(row.paid ?? 0);
}

/** A unit's payments (valid or not) with their voids, oldest first: the statement's credits. */
export async function paymentsOfUnit(db: Db, estateId: string, unitId: string) {
  const rows = await paymentsQuery(db, estateId)
    .where('p.unit_id', '=', unitId)
    .orderBy('p.received_at')
    .orderBy('p.receipt_seq')
    .execute();
  return rows.map(paymentNumbers);
}
