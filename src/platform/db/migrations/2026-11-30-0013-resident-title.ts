import { type Kysely, sql } from 'kysely';

// Migrations never import application code: they describe tables as they were on their day.
// biome-ignore lint/suspicious/noExplicitAny: migrations run against Kysely<any> by design
type Db = Kysely<any>;

/**
 * R-WD-2: residents are addressed by surname and title (陳先生, 陳太, 陳小姐), so a resident
 * has a title: mr, mrs, miss, ms, or none while the office does not know it.
 */
export async function up(db: Db): Promise<void> {
  await db.schema
    .alterTable('residents')
    .addColumn('title', 'text', (c) => c.check(sql`title is null or title in ('mr', 'mrs', 'miss', 'ms')`))
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
