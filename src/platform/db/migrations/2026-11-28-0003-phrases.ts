import { type Kysely, PostgresAdapter } from 'kysely';

// Migrations never import application code: they describe tables as they were on their day.
// biome-ignore lint/suspicious/noExplicitAny: migrations run against Kysely<any> by design
type Db = Kysely<any>;

function instant(db: Db): 'timestamptz' | 'text' {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'timestamptz' : 'text';
}

/** R-WD-1: the phrase guide. A row without an estate is the company's; the seed rows are inserted at start-up, not here. */
export async function up(db: Db): Promise<void> {
  const ts = instant(db);

  await db.schema
    .createTable('phrase_rules')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('estate_id', 'text', (c) => c.references('estates.id'))
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('avoid', 'text', (c) => c.notNull())
    .addColumn('suggestion', 'text', (c) => c.notNull())
    .addColumn('match', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('disabled_at', ts)
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('phrase_rules_estate').on('phrase_rules').column('estate_id').execute();
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
