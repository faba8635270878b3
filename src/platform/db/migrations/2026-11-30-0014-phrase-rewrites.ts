import type { Kysely } from 'kysely';

// Migrations never import application code: they describe tables as they were on their day.
// biome-ignore lint/suspicious/noExplicitAny: migrations run against Kysely<any> by design
type Db = Kysely<any>;

/**
 * R-WD-1: a rule of the phrase guide may rewrite the whole phrase in its sentence: a pattern with
 * named parts and the replacement that puts them back. The seed rows get theirs at start-up.
 */
export async function up(db: Db): Promise<void> {
  await db.schema.alterTable('phrase_rules').addColumn('pattern', 'text').execute();
  await db.schema.alterTable('phrase_rules').addColumn('replacement', 'text').execute();
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
