import { type Kysely, sql } from 'kysely';
import type { Database } from '../platform/db/schema.js';
import './tables.js';

/**
 * What the monthly report reads of fees (R-FE-2): receipts taken in a period that were still
 * valid at an instant (their amounts collected), receipts voided in the period, and the receipts
 * behind either figure.
 */
type Db = Kysely<Database>;
export interface FeePeriod {
  estateId: string;
  from: string;
  to: string;
  asOf: string;
}

function validReceipts(db: Db, p: FeePeriod) {
  return db
    .selectFrom('fee_payments as p')
    .where('p.estate_id', '=', p.estateId)
    .where('p.received_at', '>=', p.from)
    .where('p.received_at', '<', p.to)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('fee_payment_voids as v')
            .select('v.payment_id')
            .whereRef('v.payment_id', '=', 'p.id')
            .where('v.voided_at', '<=', p.asOf),
        ),
      ),
    );
}

function voidsIn(db: Db, p: FeePeriod) {
  return db
    .selectFrom('fee_payment_voids as v')
    .innerJoin('fee_payments as p', 'p.id', 'v.payment_id')
    .where('v.estate_id', '=', p.estateId)
    .where('v.voided_at', '>=', p.from)
    .where('v.voided_at', '<', p.to)
    .where('v.voided_at', '<=', p.asOf);
}

/** Valid receipts of the period (count and amount) and receipts voided in it. */
export async function feeTakings(db: Db, p: FeePeriod): Promise<{ collected: number; receipts: number; voided: number }> {
  const r = await validReceipts(db, p)
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.sum<number>('p.amount').as('amount')])
    .executeTakeFirstOrThrow();
  const v = await voidsIn(db, p)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return { collected: Number(r.amount ?? 0), receipts: Number(r.n), voided: Number(v.n) };
}

/** The receipts behind `fees.receipts` (valid, by time taken) or `fees.voided` (by time voided), a page at a time. */
export async function receiptsOfFigure(db: Db, p: FeePeriod & { figure: 'receipts' | 'voided'; page: number; pageSize: number }) {
  const skip = (p.page - 1) * p.pageSize;
  if (p.figure === 'receipts') {
    const q = validReceipts(db, p);
    const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const items = await q
      .select(['p.id', 'p.receipt_number', 'p.received_at as at', 'p.amount', 'p.currency', 'p.payer', 'p.method'])
      .select(sql<string | null>`null`.as('reason'))
      .orderBy('p.received_at')
      .orderBy('p.id')
      .limit(p.pageSize)
      .offset(skip)
      .execute();
    return { items, total: Number(total.n) };
  }
  const q = voidsIn(db, p);
  const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const items = await q
    .select(['p.id', 'p.receipt_number', 'v.voided_at as at', 'p.amount', 'p.currency', 'p.payer', 'p.method', 'v.reason'])
    .orderBy('v.voided_at')
    .orderBy('p.id')
    .limit(p.pageSize)
    .offset(skip)
    .execute();
  return { items, total: Number(total.n) };
}
