import type { Kysely } from 'kysely';

// Migrations never import application code: they describe tables as they were on their day.
// biome-ignore lint/suspicious/noExplicitAny: migrations run against Kysely<any> by design
type Db = Kysely<any>;

/**
 * The period exports read an estate's records a page at a time in (time, id) order: cases by
 * when they occurred, follow-ups by when they were opened, visits by arrival, notices by issue.
 * (Calls and receipts have their estate-and-time indexes already.)
 */
export async function up(db: Db): Promise<void> {
  await db.schema.createIndex('cases_estate_occurred').on('cases').columns(['estate_id', 'occurred_at', 'id']).execute();
  await db.schema.createIndex('followups_estate_opened').on('followups').columns(['estate_id', 'opened_at', 'id']).execute();
  await db.schema.createIndex('visits_estate_arrived').on('visits').columns(['estate_id', 'arrived_at', 'id']).execute();
  await db.schema
    .createIndex('rectification_notices_estate_issued')
    .on('rectification_notices')
    .columns(['estate_id', 'issued_at', 'id'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
