import type { Kysely } from 'kysely';

// Migrations never import application code: they describe tables as they were on their day.
// biome-ignore lint/suspicious/noExplicitAny: migrations run against Kysely<any> by design
type Db = Kysely<any>;

/**
 * Indexes for the counts the dashboard reads on every visit, each of which read every row of
 * its table (or of the estate) before: open deadlines of one rule, unacknowledged notices, and
 * messages still waiting for their call-back.
 */
export async function up(db: Db): Promise<void> {
  await db.schema
    .createIndex('obligations_estate_rule_open')
    .on('obligations')
    .columns(['estate_id', 'rule', 'met_at', 'due_at'])
    .execute();
  await db.schema
    .createIndex('rectification_notices_estate_ack')
    .on('rectification_notices')
    .columns(['estate_id', 'acknowledged_at'])
    .execute();
  await db.schema
    .createIndex('messages_estate_callback')
    .on('messages')
    .columns(['estate_id', 'called_back_at', 'callback_due_at'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
