import type { Insertable, Kysely, Transaction } from 'kysely';
import { staffName } from '../../directory/index.js';
import type { Database } from '../../platform/db/schema.js';
import type { MessageTable } from '../tables.js';
import { unitShown } from './shown.js';

/** Queries of messages and their call-backs (R-PH-2, R-PH-3). */
type Db = Kysely<Database> | Transaction<Database>;
type Trx = Transaction<Database>;

function messagesQuery(db: Db, estateId: string) {
  return db
    .selectFrom('messages')
    .selectAll('messages')
    .select((e) => [
      ...unitShown(e.ref('messages.unit_id')),
      staffName(e.ref('messages.for_id')).as('for_name'),
      staffName(e.ref('messages.taken_by')).as('taker_name'),
      staffName(e.ref('messages.called_back_by')).as('caller_back_name'),
      staffName(e.ref('messages.handed_on_from')).as('former_name'),
    ])
    .where('messages.estate_id', '=', estateId);
}
export type MessageRow = Awaited<ReturnType<ReturnType<typeof messagesQuery>['executeTakeFirstOrThrow']>>;

export async function findMessage(db: Db, estateId: string, messageId: string): Promise<MessageRow> {
  return messagesQuery(db, estateId).where('messages.id', '=', messageId).executeTakeFirstOrThrow();
}

/**
 * A message by id alone, in whichever estate it is: the caller checks the reader's ability in
 * the message's estate before using it, and answers 404 for another estate's.
 */
export async function messageById(db: Db, messageId: string) {
  return db.selectFrom('messages').selectAll().where('id', '=', messageId).executeTakeFirst();
}

export async function insertMessage(trx: Trx, row: Insertable<MessageTable>): Promise<void> {
  await trx.insertInto('messages').values(row).execute();
}

export async function markCalledBack(
  trx: Trx,
  estateId: string,
  messageId: string,
  callback: { at: string; by: string; note: string | null },
): Promise<void> {
  await trx
    .updateTable('messages')
    .set({ called_back_at: callback.at, called_back_by: callback.by, callback_note: callback.note })
    .where('id', '=', messageId)
    .where('estate_id', '=', estateId)
    .execute();
}

export async function handMessageOn(trx: Trx, estateId: string, messageId: string, hand: { from: string; to: string }): Promise<void> {
  await trx
    .updateTable('messages')
    .set({ for_id: hand.to, handed_on_from: hand.from })
    .where('id', '=', messageId)
    .where('estate_id', '=', estateId)
    .execute();
}

export interface MessageFilters {
  /** Only the messages for this person. */
  forId?: string | undefined;
  /** And only those for this person (the reader who may see only their own). */
  onlyFor?: string | undefined;
  status?: 'open' | 'overdue' | 'done' | 'all' | undefined;
  asOf: string;
}

/** A page of messages: the open ones by call-back due time, the done ones newest call-back first. */
export async function pageOfMessages(
  db: Db,
  estateId: string,
  filters: MessageFilters,
  paging: { page: number; pageSize: number },
): Promise<{ rows: MessageRow[]; total: number }> {
  let base = db.selectFrom('messages').where('messages.estate_id', '=', estateId);
  if (filters.onlyFor) base = base.where('messages.for_id', '=', filters.onlyFor);
  if (filters.forId) base = base.where('messages.for_id', '=', filters.forId);
  if (filters.status === 'open') base = base.where('messages.called_back_at', 'is', null);
  if (filters.status === 'overdue')
    base = base.where('messages.called_back_at', 'is', null).where('messages.callback_due_at', '<', filters.asOf);
  if (filters.status === 'done') base = base.where('messages.called_back_at', 'is not', null);
  const { n } = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const done = filters.status === 'done';
  const ids = (
    await base
      .select('messages.id')
      .orderBy(done ? 'messages.called_back_at' : 'messages.callback_due_at', done ? 'desc' : 'asc')
      .orderBy('messages.id')
      .limit(paging.pageSize)
      .offset((paging.page - 1) * paging.pageSize)
      .execute()
  ).map((r) => r.id);
  const rows = ids.length ? await messagesQuery(db, estateId).where('messages.id', 'in', ids).execute() : [];
  const ordered = ids.map((id) => rows.find((r) => r.id === id)).filter((r): r is MessageRow => Boolean(r));
  return { rows: ordered, total: Number(n) };
}

/** Messages not yet called back, with how many are overdue and how many fall due in [asOf, dueBy]. */
export async function countOpenMessages(db: Db, estateId: string, asOf: string, dueBy: string) {
  const count = async (q: { executeTakeFirstOrThrow(): Promise<{ n: number | string | bigint }> }) =>
    Number((await q.executeTakeFirstOrThrow()).n);
  const open = db
    .selectFrom('messages')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('estate_id', '=', estateId)
    .where('called_back_at', 'is', null);
  const waiting = await count(open);
  const overdue = await count(open.where('callback_due_at', '<', asOf));
  const dueSoon = await count(open.where('callback_due_at', '>=', asOf).where('callback_due_at', '<=', dueBy));
  return { waiting, overdue, dueSoon };
}

/** The message a breached call-back is about. */
export async function messageForBreach(db: Db, estateId: string, messageId: string) {
  return db
    .selectFrom('messages')
    .select(['for_id', 'taken_by', 'caller_name', 'text'])
    .where('id', '=', messageId)
    .where('estate_id', '=', estateId)
    .executeTakeFirst();
}
