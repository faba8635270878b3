import type { Kysely } from 'kysely';

// Migrations never import application code: they describe tables as they were on their day.
// biome-ignore lint/suspicious/noExplicitAny: migrations run against Kysely<any> by design
type Db = Kysely<any>;

/**
 * The period exports read an estate's records a page at a time in (time, id) order: follow-ups
 * by when they were opened. (Cases by when they occurred, visits by arrival and notices by issue
 * are indexed by the monthly report's migration; calls and receipts by estate and time before.)
 */
export async function up(db: Db): Promise<void> {
  await db.schema.createIndex('followups_estate_opened').on('followups').columns(['estate_id', 'opened_at', 'id']).execute();
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
