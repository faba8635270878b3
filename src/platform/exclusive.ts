import { sql } from 'kysely';
import type { AppContext } from './context.js';
import type { AppError } from './errors.js';

/** Keys held by work running in this process, per database (tests run many apps in one process). */
const held = new WeakMap<object, Set<string>>();

/**
 * Runs `work` only if no other run holding `key` is under way, else throws `busy()` at once. On
 * PostgreSQL the key is a session advisory lock on a connection kept for the run, so instances
 * over one database agree; SQLite is served by one process, whose own set suffices. The key is
 * released however the work ends (a lost connection releases its advisory locks too).
 */
export async function exclusively<T>(
  ctx: Pick<AppContext, 'db' | 'engine'>,
  key: string,
  busy: () => AppError,
  work: () => Promise<T>,
): Promise<T> {
  if (ctx.engine === 'postgres') {
    return ctx.db.connection().execute(async (conn) => {
      const lock = sql<{ taken: boolean }>`select pg_try_advisory_lock(hashtextextended(${key}, 0)) as taken`;
      if (!(await lock.execute(conn)).rows[0]?.taken) throw busy();
      try {
        return await work();
      } finally {
        await sql`select pg_advisory_unlock(hashtextextended(${key}, 0))`.execute(conn);
      }
    });
  }
  const keys = held.get(ctx.db) ?? new Set<string>();
  held.set(ctx.db, keys);
  if (keys.has(key)) throw busy();
  keys.add(key);
  try {
    return await work();
  } finally {
    keys.delete(key);
  }
}
