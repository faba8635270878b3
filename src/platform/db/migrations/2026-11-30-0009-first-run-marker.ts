import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Migrations never import application code: they describe tables as they were on their day.
// biome-ignore lint/suspicious/noExplicitAny: migrations run against Kysely<any> by design
type Db = Kysely<any>;

function instant(db: Db): 'timestamptz' | 'text' {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'timestamptz' : 'text';
}

export async function up(db: Db): Promise<void> {
  const ts = instant(db);
  // Facts about the installation; `first_run.completed` is written last in the first start's
  // transaction, so the first start is decided by it, not by whether any staff exist.
  await db.schema
    .createTable('app_meta')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  // An installation that already has staff started before this marker existed: its first start is done.
  await sql`
    insert into app_meta (key, value, updated_at)
    select 'first_run.completed', min(created_at), min(created_at) from staff having count(*) > 0
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
