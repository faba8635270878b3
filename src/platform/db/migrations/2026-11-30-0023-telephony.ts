import type { Kysely } from 'kysely';

// Migrations never import application code: they describe tables as they were on their day.
// biome-ignore lint/suspicious/noExplicitAny: migrations run against Kysely<any> by design
type Db = Kysely<any>;

/**
 * The phone system (R-PH-5): each estate's PBX settings (the webhook's signing secret, the
 * generic CSV's column mapping), its extensions and who answers each, and the calls as the PBX
 * measured them (ringing, answer and end times), one per PBX call id, from events or imports.
 */
export async function up(db: Db): Promise<void> {
  await db.schema
    .createTable('pbx_settings')
    .addColumn('estate_id', 'text', (c) => c.primaryKey())
    .addColumn('secret', 'text')
    .addColumn('secret_set_at', 'text')
    .addColumn('csv_mapping', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('pbx_extensions')
    .addColumn('estate_id', 'text', (c) => c.notNull())
    .addColumn('extension', 'text', (c) => c.notNull())
    .addColumn('staff_id', 'text')
    .addColumn('label', 'text')
    .addPrimaryKeyConstraint('pbx_extensions_pk', ['estate_id', 'extension'])
    .execute();
  await db.schema
    .createTable('pbx_calls')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('estate_id', 'text', (c) => c.notNull())
    .addColumn('pbx_call_id', 'text', (c) => c.notNull())
    .addColumn('from_number', 'text', (c) => c.notNull())
    .addColumn('caller_name', 'text')
    .addColumn('extension', 'text', (c) => c.notNull())
    .addColumn('staff_id', 'text')
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('disposition', 'text')
    .addColumn('ringing_at', 'text', (c) => c.notNull())
    .addColumn('answered_at', 'text')
    .addColumn('ended_at', 'text')
    .addColumn('duration_seconds', 'integer')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('call_log_id', 'text')
    .addColumn('callback_message_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('pbx_calls_estate_call', ['estate_id', 'pbx_call_id'])
    .execute();
  await db.schema.createIndex('pbx_calls_estate_ringing').on('pbx_calls').columns(['estate_id', 'ringing_at', 'id']).execute();
  await db.schema.createIndex('pbx_calls_estate_state').on('pbx_calls').columns(['estate_id', 'state', 'ringing_at']).execute();
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
