import type { Insertable, Kysely, Transaction } from 'kysely';
import type { Database, SessionTable } from '../platform/db/schema.js';

/** Queries of auth: sign-in attempts and sessions. */
type Trx = Transaction<Database>;
type Db = Kysely<Database> | Trx;

/** When this account last signed in from this address, if ever. */
export async function lastSuccessAt(db: Db, account: string, ip: string): Promise<string | null> {
  const row = await db
    .selectFrom('login_attempts')
    .select((eb) => eb.fn.max('at').as('at'))
    .where('account', '=', account)
    .where('ip', '=', ip)
    .where('succeeded', '=', 1)
    .executeTakeFirst();
  return row?.at ?? null;
}

/** The failed attempts of this account from this address after `since`: how many, and the last one. */
export async function failuresSince(db: Db, account: string, ip: string, since: string) {
  const row = await db
    .selectFrom('login_attempts')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('at').as('last')])
    .where('account', '=', account)
    .where('ip', '=', ip)
    .where('succeeded', '=', 0)
    .where('at', '>', since)
    .executeTakeFirstOrThrow();
  return { count: Number(row.n), last: row.last ?? null };
}

/** When the latest failed attempts from this address were, newest first, at most `limit` of them since `since`. */
export async function addressFailures(db: Db, ip: string, since: string, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('login_attempts')
    .select('at')
    .where('ip', '=', ip)
    .where('succeeded', '=', 0)
    .where('at', '>=', since)
    .orderBy('at', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => r.at);
}

export async function insertAttempt(trx: Trx, row: { id: string; account: string; ip: string; at: string; succeeded: 0 | 1 }) {
  await trx.insertInto('login_attempts').values(row).execute();
}

export async function markAttemptSucceeded(db: Db, id: string): Promise<void> {
  await db.updateTable('login_attempts').set({ succeeded: 1 }).where('id', '=', id).execute();
}

export async function insertSession(trx: Trx, row: Insertable<SessionTable>): Promise<void> {
  await trx.insertInto('sessions').values(row).execute();
}

export async function findSession(db: Db, id: string) {
  return db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function touchSession(db: Db, id: string, at: string): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: at }).where('id', '=', id).execute();
}

export async function deleteSession(db: Db, id: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
}

/** Ends a person's sessions, all of them or all but one. */
export async function deleteSessionsOf(db: Db, staffId: string, exceptId?: string): Promise<void> {
  let q = db.deleteFrom('sessions').where('staff_id', '=', staffId);
  if (exceptId !== undefined) q = q.where('id', '!=', exceptId);
  await q.execute();
}
