import type { Kysely } from 'kysely';
import { staffName, unitBuildingName, unitField } from '../directory/index.js';
import type { Database } from '../platform/db/schema.js';
import { inPeriodAfter, type PeriodPage, type PeriodRange } from '../platform/period-pages.js';
import './tables.js';

/** Receipts received in a period, voided ones with their void, a page at a time in (received, id) order. */
export function paymentsOfPeriod(db: Kysely<Database>, page: PeriodPage) {
  return db
    .selectFrom('fee_payments as p')
    .leftJoin('fee_payment_voids as v', 'v.payment_id', 'p.id')
    .select((e) => [
      'p.id',
      'p.received_at as at',
      'p.receipt_number',
      unitBuildingName(e.ref('p.unit_id')).as('building_name'),
      unitField(e.ref('p.unit_id'), 'number').as('unit_number'),
      'p.payer',
      'p.method',
      'p.amount',
      'p.currency',
      'p.reference',
      staffName(e.ref('p.cashier_id')).as('cashier_name'),
      'v.voided_at',
      'v.reason as void_reason',
    ])
    .where('p.estate_id', '=', page.estateId)
    .where((e) => inPeriodAfter(e, 'p.received_at', 'p.id', page))
    .orderBy('p.received_at')
    .orderBy('p.id')
    .limit(page.limit)
    .execute();
}
export type PaymentOfPeriod = Awaited<ReturnType<typeof paymentsOfPeriod>>[number];

export async function countPaymentsOfPeriod(db: Kysely<Database>, estateId: string, range: PeriodRange): Promise<number> {
  const row = await db
    .selectFrom('fee_payments')
    .select((e) => e.fn.countAll<number>().as('n'))
    .where('estate_id', '=', estateId)
    .where('received_at', '>=', range.from)
    .where('received_at', '<', range.to)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
