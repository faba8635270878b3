import { sql, type Transaction } from 'kysely';
import type { Database } from './db/schema.js';

/**
 * Facts about this installation as a whole, one row each (`app_meta`). A fact is written last, in
 * the transaction of the work it records, so its row exists exactly when that work is complete.
 */
export { readMeta, writeMeta } from './meta.store.js';
export type { AppMetaTable } from './tables.js';

/** The first start is complete: the first admin exists (with a password that was shown) and the demo, if asked for, is loaded. */
export const FIRST_RUN_COMPLETED = 'first_run.completed';

/**
 * Makes one-off installation work (the first start) run once across instances: on PostgreSQL
 * the transaction waits for any other instance doing the same; SQLite has a single writer.
 */
export async function serialiseInstallation(trx: Transaction<Database>, engine: 'sqlite' | 'postgres', what: string): Promise<void> {
  if (engine === 'postgres') await sql`select pg_advisory_xact_lock(hashtextextended(${`estatedesk:${what}`}, 0))`.execute(trx);
}
