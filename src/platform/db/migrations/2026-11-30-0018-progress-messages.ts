import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Migrations never import application code: they describe tables as they were on their day.
// biome-ignore lint/suspicious/noExplicitAny: migrations run against Kysely<any> by design
type Db = Kysely<any>;

function isPostgres(db: Db): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

function oneOf(column: string, values: string[]) {
  return sql<boolean>`${sql.ref(column)} in (${sql.join(values.map((v) => sql.lit(v)))})`;
}

/**
 * R-CP-5: residents are told of their case's progress in their language by the channel they
 * chose (null: automatic), and may refuse a channel. The outbox gains the portal channel, whose
 * messages a resident reads in the portal, listed newest first per resident.
 */
export async function up(db: Db): Promise<void> {
  const flag = (name: string) =>
    db.schema
      .alterTable('residents')
      .addColumn(name, 'integer', (c) =>
        c
          .notNull()
          .defaultTo(0)
          .check(sql`${sql.ref(name)} in (0, 1)`),
      )
      .execute();
  await db.schema
    .alterTable('residents')
    .addColumn('locale', 'text', (c) =>
      c
        .notNull()
        .defaultTo('zh-Hant')
        .check(oneOf('locale', ['zh-Hant', 'zh-Hans', 'en'])),
    )
    .execute();
  await db.schema
    .alterTable('residents')
    .addColumn('notify_channel', 'text', (c) => c.check(sql`notify_channel is null or notify_channel in ('sms', 'email', 'portal')`))
    .execute();
  await flag('sms_opt_out');
  await flag('email_opt_out');
  await flag('portal_opt_out');

  const channels = ['email', 'webhook', 'portal'];
  if (isPostgres(db)) {
    await sql`alter table outbox drop constraint if exists outbox_channel_check`.execute(db);
    await sql`alter table outbox add constraint outbox_channel_check check (${oneOf('channel', channels)})`.execute(db);
  } else {
    // SQLite cannot change a check constraint: the table is rebuilt with the same rows.
    const ts = 'text';
    await db.schema
      .createTable('outbox_next')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('estate_id', 'text', (c) => c.references('estates.id'))
      .addColumn('event_key', 'text', (c) => c.notNull())
      .addColumn('channel', 'text', (c) => c.notNull().check(oneOf('channel', channels)))
      .addColumn('recipient', 'text', (c) => c.notNull())
      .addColumn('subject', 'text')
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('payload', 'text')
      .addColumn('status', 'text', (c) => c.notNull().check(oneOf('status', ['pending', 'sending', 'sent', 'failed'])))
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('next_attempt_at', ts, (c) => c.notNull())
      .addColumn('claim_token', 'text')
      .addColumn('claimed_at', ts)
      .addColumn('last_error', 'text')
      .addColumn('sent_at', ts)
      .addColumn('created_at', ts, (c) => c.notNull())
      .addUniqueConstraint('outbox_event_channel_recipient', ['event_key', 'channel', 'recipient'])
      .execute();
    await sql`insert into outbox_next select id, estate_id, event_key, channel, recipient, subject, body, payload, status, attempts,
      next_attempt_at, claim_token, claimed_at, last_error, sent_at, created_at from outbox`.execute(db);
    await db.schema.dropTable('outbox').execute();
    await db.schema.alterTable('outbox_next').renameTo('outbox').execute();
    await db.schema.createIndex('outbox_status_next_attempt').on('outbox').columns(['status', 'next_attempt_at']).execute();
  }
  await db.schema.createIndex('outbox_channel_recipient_created').on('outbox').columns(['channel', 'recipient', 'created_at']).execute();
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
