import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from './db/schema.js';

/**
 * Facts about this installation as a whole, one row each (`app_meta`). A fact is written last, in
 * the transaction of the work it records, so its row exists exactly when that work is complete.
 */
export interface AppMetaTable {
  key: string;
  value: string;
  updated_at: string;
}

/** The first start is complete: the first admin exists (with a password that was shown) and the demo, if asked for, is loaded. */
export const FIRST_RUN_COMPLETED = 'first_run.completed';

type Db = Kysely<Database> | Transaction<Database>;

/** The table seen only through this module (the application's Database type does not list it). */
const meta = (db: Db) => db.withTables<{ app_meta: AppMetaTable }>();

export async function readMeta(db: Db, key: string): Promise<string | null> {
  const row = await meta(db).selectFrom('app_meta').select('value').where('key', '=', key).executeTakeFirst();
  return row?.value ?? null;
}

/** Records a fact once; writing it again keeps the first. */
export async function writeMeta(trx: Transaction<Database>, key: string, value: string, at: string): Promise<void> {
  await meta(trx)
    .insertInto('app_meta')
    .values({ key, value, updated_at: at })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
}

/**
 * Makes one-off installation work (the first start) run once across instances: on PostgreSQL
 * the transaction waits for any other instance doing the same; SQLite has a single writer.
 */
export async function serialiseInstallation(trx: Transaction<Database>, engine: 'sqlite' | 'postgres', what: string): Promise<void> {
  if (engine === 'postgres') await sql`select pg_advisory_xact_lock(hashtextextended(${`estatedesk:${what}`}, 0))`.execute(trx);
}
