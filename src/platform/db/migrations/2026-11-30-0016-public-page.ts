import { type Kysely, PostgresAdapter } from 'kysely';

// Migrations never import application code: they describe tables as they were on their day.
// biome-ignore lint/suspicious/noExplicitAny: migrations run against Kysely<any> by design
type Db = Kysely<any>;

function instant(db: Db): 'timestamptz' | 'text' {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'timestamptz' : 'text';
}

/**
 * R-PB-1: each estate's public page: the draft the office edits, every published version with
 * its content and the policy figures it stated (never changed once written), and announcements.
 */
export async function up(db: Db): Promise<void> {
  const ts = instant(db);

  await db.schema
    .createTable('public_pages')
    .addColumn('estate_id', 'text', (c) => c.primaryKey().references('estates.id'))
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.references('staff.id'))
    .execute();

  await db.schema
    .createTable('public_page_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('estate_id', 'text', (c) => c.notNull().references('estates.id'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('published_at', ts, (c) => c.notNull())
    .addColumn('published_by', 'text', (c) => c.references('staff.id'))
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('policy', 'text', (c) => c.notNull())
    .addColumn('changes', 'text', (c) => c.notNull())
    .addUniqueConstraint('public_page_versions_number', ['estate_id', 'number'])
    .execute();

  await db.schema
    .createTable('announcements')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('estate_id', 'text', (c) => c.notNull().references('estates.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('urgent', 'integer', (c) => c.notNull())
    .addColumn('from_date', 'text', (c) => c.notNull())
    .addColumn('until_date', 'text')
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addColumn('deleted_at', ts)
    .execute();
  await db.schema.createIndex('announcements_estate_dates').on('announcements').columns(['estate_id', 'from_date']).execute();
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
