import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Migrations never import application code: they describe tables as they were on their day.
// biome-ignore lint/suspicious/noExplicitAny: migrations run against Kysely<any> by design
type Db = Kysely<any>;

function instant(db: Db): 'timestamptz' | 'text' {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'timestamptz' : 'text';
}

export async function up(db: Db): Promise<void> {
  const ts = instant(db);

  // A create that takes a gap-free number remembers the Idempotency-Key of its request, written
  // in the same transaction as the record, so a retried request finds the first record.
  await db.schema
    .createTable('idempotency_keys')
    .addColumn('estate_id', 'text', (c) => c.notNull().references('estates.id'))
    .addColumn('operation', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('request_hash', 'text', (c) => c.notNull())
    .addColumn('record_id', 'text', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('idempotency_keys_pk', ['estate_id', 'operation', 'key'])
    .execute();

  // One live (not voided) rectification notice per finding. Notices issued twice before this
  // rule keep the first; the later ones are voided, keeping their numbers.
  for (const column of ['followup_id', 'spot_check_item_id']) {
    await sql`
      update rectification_notices set voided_at = issued_at, void_reason = 'issued twice for the same finding'
      where voided_at is null and ${sql.ref(column)} is not null and exists (
        select 1 from rectification_notices first
        where first.${sql.ref(column)} = rectification_notices.${sql.ref(column)} and first.voided_at is null
          and (first.issued_at < rectification_notices.issued_at
               or (first.issued_at = rectification_notices.issued_at and first.id < rectification_notices.id)))
    `.execute(db);
  }
  // Their open deadlines (R-RC-2) end with them, as when a person voids a notice.
  await sql`
    update obligations set cancelled_at = (select n.voided_at from rectification_notices n where n.id = obligations.subject_id)
    where subject_type = 'rectification_notice' and met_at is null and cancelled_at is null
      and subject_id in (select id from rectification_notices where voided_by is null and void_reason = 'issued twice for the same finding')
  `.execute(db);
  for (const column of ['followup_id', 'spot_check_item_id']) {
    await db.schema
      .createIndex(`rectification_notices_live_${column}`)
      .on('rectification_notices')
      .column(column)
      .unique()
      .where(sql.ref('voided_at'), 'is', null)
      .execute();
  }
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
