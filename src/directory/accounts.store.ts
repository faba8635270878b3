import type { Kysely, Transaction } from 'kysely';
import type { Database, StaffRow } from '../platform/db/schema.js';

/** Staff accounts as sign-in reads and changes them; accounts are company-wide, not of one estate. */
type Trx = Transaction<Database>;
type Db = Kysely<Database> | Trx;

/** The account with this username (already lower-cased), password hash included. */
export async function accountByUsername(db: Db, username: string): Promise<StaffRow | undefined> {
  return db.selectFrom('staff').selectAll().where('username', '=', username).executeTakeFirst();
}

/** Who an account is, as a session acts for them. */
export async function accountById(db: Db, staffId: string) {
  return db
    .selectFrom('staff')
    .select(['id', 'username', 'name', 'surname', 'role', 'locale', 'disabled_at'])
    .where('id', '=', staffId)
    .executeTakeFirst();
}

/** The estates a staff member works for and their role in each. */
export async function estateRolesOf(db: Db, staffId: string): Promise<{ estate_id: string; role: string }[]> {
  return db.selectFrom('staff_estates').select(['estate_id', 'role']).where('staff_id', '=', staffId).execute();
}

/** Every estate's id: an admin works for them all. */
export async function allEstateIds(db: Db): Promise<string[]> {
  return (await db.selectFrom('estates').select('id').execute()).map((e) => e.id);
}

/** The estates a session shows, by name: all of them, or those with these ids. */
export async function estatesForSession(db: Db, estateIds: readonly string[] | 'all') {
  let q = db.selectFrom('estates').select(['id', 'code', 'name', 'time_zone', 'office_name']).orderBy('name');
  if (estateIds !== 'all') q = estateIds.length ? q.where('id', 'in', [...estateIds]) : q.where('id', '=', '');
  return q.execute();
}

export async function passwordHashOf(db: Db, staffId: string): Promise<string | null | undefined> {
  const row = await db.selectFrom('staff').select('password_hash').where('id', '=', staffId).executeTakeFirst();
  return row ? row.password_hash : undefined;
}

export async function staffExists(db: Db, staffId: string): Promise<boolean> {
  return Boolean(await db.selectFrom('staff').select('id').where('id', '=', staffId).executeTakeFirst());
}

export async function staffIdByUsername(db: Db, username: string): Promise<string | undefined> {
  return (await db.selectFrom('staff').select('id').where('username', '=', username).executeTakeFirst())?.id;
}

export async function setPassword(trx: Trx, staffId: string, passwordHash: string, at: string): Promise<void> {
  await trx
    .updateTable('staff')
    .set({ password_hash: passwordHash, password_changed_at: at, updated_at: at })
    .where('id', '=', staffId)
    .execute();
}

/** Makes an account an enabled admin with this password (the first start taking over an account left behind). */
export async function restoreAdmin(trx: Trx, staffId: string, passwordHash: string, at: string): Promise<void> {
  await trx
    .updateTable('staff')
    .set({ role: 'admin', password_hash: passwordHash, password_changed_at: at, disabled_at: null, updated_at: at })
    .where('id', '=', staffId)
    .execute();
}

export async function insertStaffRow(trx: Trx, row: StaffRow): Promise<void> {
  await trx.insertInto('staff').values(row).execute();
}
