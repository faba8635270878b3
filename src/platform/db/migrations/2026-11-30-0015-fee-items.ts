import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Migrations never import application code: they describe tables as they were on their day.
// biome-ignore lint/suspicious/noExplicitAny: migrations run against Kysely<any> by design
type Db = Kysely<any>;

function instant(db: Db): 'timestamptz' | 'text' {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'timestamptz' : 'text';
}

/**
 * R-FE-1: fee items, one row a period of an item's rate. Days are YYYY-MM-DD text on both
 * engines (a day of the estate, not an instant); the last day is inclusive.
 */
export async function up(db: Db): Promise<void> {
  const ts = instant(db);
  await db.schema
    .createTable('fee_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('estate_id', 'text', (c) => c.notNull().references('estates.id'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text')
    .addColumn('basis', 'text', (c) => c.notNull().check(sql`basis in ('per_m2_month', 'per_unit_month', 'per_use', 'fixed')`))
    .addColumn('rate', 'integer', (c) => c.notNull().check(sql`rate >= 0`))
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('effective_from', 'text', (c) => c.notNull())
    .addColumn('effective_to', 'text', (c) => c.check(sql`effective_to is null or effective_to >= effective_from`))
    .addColumn('approval_ref', 'text')
    .addColumn('notes', 'text')
    .addColumn('retired_at', ts)
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('fee_items_estate_code_from')
    .on('fee_items')
    .columns(['estate_id', 'code', 'effective_from'])
    .unique()
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
