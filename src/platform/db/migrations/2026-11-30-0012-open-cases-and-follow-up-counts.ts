import { type Kysely, sql } from 'kysely';

// Migrations never import application code: they describe tables as they were on their day.
// biome-ignore lint/suspicious/noExplicitAny: migrations run against Kysely<any> by design
type Db = Kysely<any>;

/**
 * The open cases of an estate newest first (the list every screen opens with): a partial index
 * of the cases not closed, by recorded time, so a page reads its 25 entries in order instead of
 * sorting every open case of the estate; a busy office has thousands open. The index holds the
 * status too, so the count of open cases reads the index alone (the planner checks the status
 * it filters on even where the index's own condition already holds).
 *
 * The dashboard counts an estate's follow-ups still to do by class and status, overdue and due
 * today, on every visit: this index holds all four columns, so the count reads the index alone
 * instead of each follow-up's row. And a follow-up's rectification notices, read on every
 * answer about the follow-up, by an index instead of every notice.
 */
export async function up(db: Db): Promise<void> {
  await db.schema
    .createIndex('cases_estate_open_recorded')
    .on('cases')
    .columns(['estate_id', 'recorded_at', 'id', 'status'])
    .where(sql.ref('status'), '<>', 'closed')
    .execute();
  await db.schema
    .createIndex('followups_estate_status_class_due')
    .on('followups')
    .columns(['estate_id', 'status', 'repair_class', 'due_at'])
    .execute();
  // A follow-up's notices, voided ones too (the follow-up's screen and every answer about it):
  // the unique index of live notices leaves out the voided, so it cannot serve this.
  await db.schema.createIndex('rectification_notices_followup').on('rectification_notices').column('followup_id').execute();
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
