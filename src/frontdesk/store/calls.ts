import type { Insertable, Kysely, Transaction } from 'kysely';
import { staffName } from '../../directory/index.js';
import type { Database } from '../../platform/db/schema.js';
import type { CallTable } from '../tables.js';
import { unitShown } from './shown.js';

/** Queries of the call log (R-PH-4). Every function takes the estate. */
type Db = Kysely<Database> | Transaction<Database>;

function callsQuery(db: Db, estateId: string) {
  return db
    .selectFrom('calls')
    .leftJoin('messages', 'messages.call_id', 'calls.id')
    .selectAll('calls')
    .select((e) => [
      ...unitShown(e.ref('calls.unit_id')),
      staffName(e.ref('calls.asked_for_id')).as('asked_name'),
      staffName(e.ref('calls.answered_by')).as('answerer_name'),
      'messages.id as message_id',
    ])
    .where('calls.estate_id', '=', estateId);
}
export type CallRow = Awaited<ReturnType<ReturnType<typeof callsQuery>['executeTakeFirstOrThrow']>>;

export async function findCall(db: Db, estateId: string, callId: string): Promise<CallRow> {
  return callsQuery(db, estateId).where('calls.id', '=', callId).executeTakeFirstOrThrow();
}

export async function isCallOfEstate(db: Db, estateId: string, callId: string): Promise<boolean> {
  return Boolean(await db.selectFrom('calls').select('id').where('id', '=', callId).where('estate_id', '=', estateId).executeTakeFirst());
}

export async function insertCall(trx: Transaction<Database>, row: Insertable<CallTable>): Promise<void> {
  await trx.insertInto('calls').values(row).execute();
}

/** A page of the call log, newest first; `from`/`to` bound the start (an estate's day). */
export async function pageOfCalls(
  db: Db,
  estateId: string,
  filters: { from?: string; to?: string; purpose?: string | undefined },
  paging: { page: number; pageSize: number },
): Promise<{ rows: CallRow[]; total: number }> {
  let base = db.selectFrom('calls').where('calls.estate_id', '=', estateId);
  if (filters.from !== undefined) base = base.where('calls.started_at', '>=', filters.from);
  if (filters.to !== undefined) base = base.where('calls.started_at', '<', filters.to);
  if (filters.purpose) base = base.where('calls.purpose', '=', filters.purpose);
  const { n } = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const ids = (
    await base
      .select('calls.id')
      .orderBy('calls.started_at', 'desc')
      .orderBy('calls.id')
      .limit(paging.pageSize)
      .offset((paging.page - 1) * paging.pageSize)
      .execute()
  ).map((r) => r.id);
  const rows = ids.length
    ? await callsQuery(db, estateId).where('calls.id', 'in', ids).orderBy('calls.started_at', 'desc').orderBy('calls.id').execute()
    : [];
  return { rows, total: Number(n) };
}

/** Calls started in [from, to]. */
export async function countCalls(db: Db, estateId: string, from: string, to: string): Promise<number> {
  const { n } = await db
    .selectFrom('calls')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('estate_id', '=', estateId)
    .where('started_at', '>=', from)
    .where('started_at', '<=', to)
    .executeTakeFirstOrThrow();
  return Number(n);
}

/** The call log entries of the estate that started between two instants (for matching the PBX's records, R-PH-4). */
export async function callLogsBetween(db: Db, estateId: string, from: string, to: string) {
  return db
    .selectFrom('calls')
    .select(['id', 'caller_phone', 'started_at'])
    .where('estate_id', '=', estateId)
    .where('started_at', '>=', from)
    .where('started_at', '<=', to)
    .execute();
}
