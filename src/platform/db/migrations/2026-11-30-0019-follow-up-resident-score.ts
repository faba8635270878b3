import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Migrations never import application code: they describe tables as they were on their day.
// biome-ignore lint/suspicious/noExplicitAny: migrations run against Kysely<any> by design
type Db = Kysely<any>;

function instant(db: Db): 'timestamptz' | 'text' {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'timestamptz' : 'text';
}

/**
 * R-PT-1: a resident scores a follow-up visit of their own case on the portal, 1 to 5 with a
 * comment, once the visit is recorded. Kept beside the satisfaction the visitor recorded, which
 * is the office's account of the visit, not the resident's own.
 */
export async function up(db: Db): Promise<void> {
  const ts = instant(db);
  await db.schema
    .alterTable('followups')
    .addColumn('resident_score', 'integer', (c) => c.check(sql`resident_score is null or resident_score between 1 and 5`))
    .execute();
  await db.schema.alterTable('followups').addColumn('resident_comment', 'text').execute();
  await db.schema.alterTable('followups').addColumn('resident_scored_at', ts).execute();
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
