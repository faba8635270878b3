import type { Kysely } from 'kysely';

// Migrations never import application code: they describe tables as they were on their day.
// biome-ignore lint/suspicious/noExplicitAny: migrations run against Kysely<any> by design
type Db = Kysely<any>;

/**
 * The dashboard counts an estate's follow-ups still to do by class and status, overdue and due
 * today, on every visit: this index holds all four columns, so the count reads the index alone
 * instead of each follow-up's row.
 */
export async function up(db: Db): Promise<void> {
  await db.schema
    .createIndex('followups_estate_status_class_due')
    .on('followups')
    .columns(['estate_id', 'status', 'repair_class', 'due_at'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
