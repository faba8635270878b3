import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from './db/schema.js';
import './obligations/tables.js';

/**
 * The next number of a per-estate, per-period sequence, taken inside the caller's transaction.
 * One atomic upsert: concurrent callers queue on the row, so numbers are unique and, since a
 * rolled-back transaction takes its increment with it, gap-free.
 */
export async function nextNumber(trx: Transaction<Database>, opts: { estateId: string; name: string; period: string }): Promise<number> {
  const row = await trx
    .insertInto('counters')
    .values({ estate_id: opts.estateId, name: opts.name, period: opts.period, value: 1 })
    .onConflict((oc) => oc.columns(['estate_id', 'name', 'period']).doUpdateSet({ value: sql<number>`counters.value + 1` }))
    .returning('value')
    .executeTakeFirstOrThrow();
  return Number(row.value);
}

/** The last number a sequence gave (0 before its first), read without taking one. */
export async function lastNumber(db: Kysely<Database>, opts: { estateId: string; name: string; period: string }): Promise<number> {
  const row = await db
    .selectFrom('counters')
    .select('value')
    .where('estate_id', '=', opts.estateId)
    .where('name', '=', opts.name)
    .where('period', '=', opts.period)
    .executeTakeFirst();
  return row ? Number(row.value) : 0;
}
