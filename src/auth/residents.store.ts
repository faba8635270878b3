import type { Insertable, Kysely, Transaction } from 'kysely';
import { likePattern, residentName, residentsMatching, staffName } from '../directory/index.js';
import type { Database } from '../platform/db/schema.js';
import type { ResidentAccountTable, ResidentCodeTable, ResidentSessionTable } from './tables.js';

/** Queries of residents' accounts, their one-time codes and their sessions (R-PT-1). */
type Trx = Transaction<Database>;
type Db = Kysely<Database> | Trx;

export async function accountOfResident(db: Db, residentId: string) {
  return db.selectFrom('resident_accounts').selectAll().where('resident_id', '=', residentId).executeTakeFirst();
}

export async function accountById(db: Db, id: string) {
  return db.selectFrom('resident_accounts').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function accountByLogin(db: Db, login: string) {
  return db.selectFrom('resident_accounts').selectAll().where('login', '=', login).executeTakeFirst();
}

export async function insertAccount(trx: Trx, row: Insertable<ResidentAccountTable>): Promise<void> {
  await trx.insertInto('resident_accounts').values(row).execute();
}

export async function updateAccount(db: Db, id: string, set: Partial<Omit<ResidentAccountTable, 'id'>>): Promise<void> {
  await db.updateTable('resident_accounts').set(set).where('id', '=', id).execute();
}

/** Ends the open codes of one purpose of an account: a new invitation or sign-in code replaces them. */
export async function retireCodes(trx: Trx, accountId: string, purpose: ResidentCodeTable['purpose'], at: string): Promise<void> {
  await trx
    .updateTable('resident_codes')
    .set({ used_at: at })
    .where('account_id', '=', accountId)
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .execute();
}

export async function insertCode(trx: Trx, row: Insertable<ResidentCodeTable>): Promise<void> {
  await trx.insertInto('resident_codes').values(row).execute();
}

export async function codeByHash(db: Db, hash: string) {
  return db.selectFrom('resident_codes').selectAll().where('code_hash', '=', hash).executeTakeFirst();
}

/** The account's open code of a purpose, newest first. */
export async function openCode(db: Db, accountId: string, purpose: ResidentCodeTable['purpose']) {
  return db
    .selectFrom('resident_codes')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
}

/** How many codes of a purpose were made for the account since a time. */
export async function codesSince(db: Db, accountId: string, purpose: ResidentCodeTable['purpose'], since: string): Promise<number> {
  const row = await db
    .selectFrom('resident_codes')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('account_id', '=', accountId)
    .where('purpose', '=', purpose)
    .where('created_at', '>', since)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Takes a code once: true only for the one caller that marks it used. */
export async function spendCode(db: Db, id: string, at: string): Promise<boolean> {
  const result = await db
    .updateTable('resident_codes')
    .set({ used_at: at })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function countFailure(db: Db, id: string, burnAfter: number, at: string): Promise<void> {
  await db
    .updateTable('resident_codes')
    .set((eb) => ({ failed_attempts: eb('failed_attempts', '+', 1) }))
    .where('id', '=', id)
    .execute();
  await db.updateTable('resident_codes').set({ used_at: at }).where('id', '=', id).where('failed_attempts', '>=', burnAfter).execute();
}

export async function insertResidentSession(trx: Trx, row: Insertable<ResidentSessionTable>): Promise<void> {
  await trx.insertInto('resident_sessions').values(row).execute();
}

export async function findResidentSession(db: Db, id: string) {
  return db.selectFrom('resident_sessions').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function touchResidentSession(db: Db, id: string, at: string): Promise<void> {
  await db.updateTable('resident_sessions').set({ last_seen_at: at }).where('id', '=', id).execute();
}

export async function deleteResidentSession(db: Db, id: string): Promise<void> {
  await db.deleteFrom('resident_sessions').where('id', '=', id).execute();
}

export async function deleteResidentSessionsOf(db: Db, accountId: string, exceptId?: string): Promise<void> {
  let q = db.deleteFrom('resident_sessions').where('account_id', '=', accountId);
  if (exceptId !== undefined) q = q.where('id', '!=', exceptId);
  await q.execute();
}

/** The estate's accounts, newest first, with their open invitation; filtered by status and by name, phone or unit. */
export async function listAccounts(
  db: Db,
  estateId: string,
  opts: { status?: 'invited' | 'active' | 'disabled' | undefined; q?: string | undefined; limit: number; offset: number },
) {
  let q = db.selectFrom('resident_accounts as a').where('a.estate_id', '=', estateId);
  if (opts.status === 'disabled') q = q.where('a.disabled_at', 'is not', null);
  if (opts.status === 'active') q = q.where('a.disabled_at', 'is', null).where('a.activated_at', 'is not', null);
  if (opts.status === 'invited') q = q.where('a.disabled_at', 'is', null).where('a.activated_at', 'is', null);
  const text = opts.q;
  if (text)
    q = q.where((eb) => eb.or([eb('a.login', 'like', likePattern(text)), eb('a.resident_id', 'in', residentsMatching(estateId, text))]));
  const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await q
    .select((eb) => [
      'a.id',
      'a.resident_id',
      'a.login',
      'a.password_hash',
      'a.invited_at',
      'a.invited_by',
      'a.activated_at',
      'a.last_sign_in_at',
      'a.disabled_at',
      residentName(eb.ref('a.resident_id')).as('resident_name'),
      staffName(eb.ref('a.invited_by')).as('invited_by_name'),
      eb
        .selectFrom('resident_codes as c')
        .select((c) => c.fn.max('c.expires_at').as('x'))
        .whereRef('c.account_id', '=', 'a.id')
        .where('c.purpose', '=', 'invitation')
        .where('c.used_at', 'is', null)
        .as('invitation_expires_at'),
    ])
    .orderBy('a.created_at', 'desc')
    .orderBy('a.id')
    .limit(opts.limit)
    .offset(opts.offset)
    .execute();
  return { total: Number(total.n), rows };
}
