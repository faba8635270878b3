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

function noticesOf(db: Db, staffId: string, scope: EstateScope) {
  let q = db.selectFrom('notices').where('staff_id', '=', staffId);
  if (scope) q = scope.length ? q.where('estate_id', 'in', [...scope]) : q.where('estate_id', '=', '');
  return q;
}

/** A page of a person's notices, newest first, with how many there are and how many are unread. */
export async function pageOfNotices(
  db: Db,
  staffId: string,
  scope: EstateScope,
  opts: { unreadOnly: boolean; page: number; pageSize: number },
) {
  const mine = noticesOf(db, staffId, scope);
  const unread = mine.where('read_at', 'is', null);
  const listed = opts.unreadOnly ? unread : mine;
  const [{ n }, { u }] = await Promise.all([
    listed.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    unread.select((eb) => eb.fn.countAll<number>().as('u')).executeTakeFirstOrThrow(),
  ]);
  const rows = await listed
    .selectAll()
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(opts.pageSize)
    .offset((opts.page - 1) * opts.pageSize)
    .execute();
  return { rows, total: Number(n), unreadCount: Number(u) };
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
