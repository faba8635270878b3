import type { Insertable, Kysely, Transaction } from 'kysely';
import type { Database } from '../platform/db/schema.js';
import type { NoticeTable } from './tables.js';

/** Queries of notices. A person reads only their own, within the estates they work for. */
type Db = Kysely<Database> | Transaction<Database>;

/** The estates a reader sees: every estate (null) or these. */
export type EstateScope = readonly string[] | null;

export async function insertNotices(trx: Transaction<Database>, rows: Insertable<NoticeTable>[]): Promise<void> {
  if (rows.length) await trx.insertInto('notices').values(rows).execute();
}

/** Email addresses of the staff among `staffIds` whose accounts are in use. */
export async function staffEmails(db: Db, staffIds: readonly string[]): Promise<Map<string, string>> {
  if (!staffIds.length) return new Map();
  const rows = await db
    .selectFrom('staff')
    .select(['id', 'email'])
    .where('id', 'in', [...staffIds])
    .where('disabled_at', 'is', null)
    .where('email', 'is not', null)
    .execute();
  return new Map(rows.flatMap((r) => (r.email ? [[r.id, r.email] as const] : [])));
}

export function noticesOf(db: Db, staffId: string, scope: EstateScope) {
  let q = db.selectFrom('notices').where('staff_id', '=', staffId);
  if (scope) q = scope.length ? q.where('estate_id', 'in', [...scope]) : q.where('estate_id', '=', '');
  return q;
}

export async function findNotice(db: Db, staffId: string, noticeId: string) {
  return db.selectFrom('notices').selectAll().where('id', '=', noticeId).where('staff_id', '=', staffId).executeTakeFirst();
}

/** Marks a notice read once: reading it again keeps the first time. */
export async function markRead(db: Db, noticeId: string, at: string): Promise<boolean> {
  const result = await db
    .updateTable('notices')
    .set({ read_at: at })
    .where('id', '=', noticeId)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
