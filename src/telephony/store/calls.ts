import type { Insertable, Kysely, Transaction, Updateable } from 'kysely';
import { staffName } from '../../directory/index.js';
import type { Database } from '../../platform/db/schema.js';
import type { PbxCallTable } from '../tables.js';
import '../tables.js';

/** The calls as the PBX reported them: one row per PBX call id and estate. */
type Db = Kysely<Database> | Transaction<Database>;

export function pbxCallsQuery(db: Db, estateId: string) {
  return db
    .selectFrom('pbx_calls as c')
    .selectAll('c')
    .select((eb) => staffName(eb.ref('c.staff_id')).as('staff_name'))
    .where('c.estate_id', '=', estateId);
}
export type PbxCallRow = Awaited<ReturnType<ReturnType<typeof pbxCallsQuery>['executeTakeFirstOrThrow']>>;

export async function pbxCallByPbxId(db: Db, estateId: string, pbxCallId: string): Promise<PbxCallRow | undefined> {
  return pbxCallsQuery(db, estateId).where('c.pbx_call_id', '=', pbxCallId).executeTakeFirst();
}

export async function pbxCallById(db: Db, estateId: string, id: string): Promise<PbxCallRow | undefined> {
  return pbxCallsQuery(db, estateId).where('c.id', '=', id).executeTakeFirst();
}

export async function insertPbxCall(trx: Transaction<Database>, row: Insertable<PbxCallTable>): Promise<void> {
  await trx.insertInto('pbx_calls').values(row).execute();
}

export async function updatePbxCall(
  trx: Transaction<Database>,
  estateId: string,
  id: string,
  set: Updateable<PbxCallTable>,
): Promise<void> {
  await trx.updateTable('pbx_calls').set(set).where('estate_id', '=', estateId).where('id', '=', id).execute();
}

/** Answered calls of the estate ringing between two instants and not yet matched to a call log entry. */
export async function unmatchedPbxCallsNear(db: Db, estateId: string, from: string, to: string) {
  return db
    .selectFrom('pbx_calls')
    .select(['id', 'from_number', 'ringing_at'])
    .where('estate_id', '=', estateId)
    .where('call_log_id', 'is', null)
    .where('answered_at', 'is not', null)
    .where('ringing_at', '>=', from)
    .where('ringing_at', '<=', to)
    .execute();
}

export interface PbxCallFilters {
  from?: string | undefined;
  to?: string | undefined;
  extension?: string | undefined;
  state?: string | undefined;
  /** Answered calls not matched to a call log entry (R-PH-4). */
  notLogged?: boolean | undefined;
  /** Answered calls, with their times, for the caller to keep those answered late (R-PH-5). */
  answered?: boolean | undefined;
}

function filtered(db: Db, estateId: string, f: PbxCallFilters) {
  let q = db.selectFrom('pbx_calls as c').where('c.estate_id', '=', estateId);
  if (f.from !== undefined) q = q.where('c.ringing_at', '>=', f.from);
  if (f.to !== undefined) q = q.where('c.ringing_at', '<', f.to);
  if (f.extension) q = q.where('c.extension', '=', f.extension);
  if (f.state) q = q.where('c.state', '=', f.state);
  if (f.notLogged || f.answered) q = q.where('c.answered_at', 'is not', null);
  if (f.notLogged) q = q.where('c.call_log_id', 'is', null);
  return q;
}

/** The ids and times of the calls that pass the filters, newest first. */
export async function pbxCallTimes(db: Db, estateId: string, f: PbxCallFilters) {
  return filtered(db, estateId, f)
    .select(['c.id', 'c.ringing_at', 'c.answered_at'])
    .orderBy('c.ringing_at', 'desc')
    .orderBy('c.id')
    .execute();
}

/** One page of the calls that pass the filters, newest first, with the total. */
export async function pageOfPbxCalls(
  db: Db,
  estateId: string,
  f: PbxCallFilters,
  paging: { page: number; pageSize: number },
): Promise<{ rows: PbxCallRow[]; total: number }> {
  const base = filtered(db, estateId, f);
  const { n } = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const ids = (
    await base
      .select('c.id')
      .orderBy('c.ringing_at', 'desc')
      .orderBy('c.id')
      .limit(paging.pageSize)
      .offset((paging.page - 1) * paging.pageSize)
      .execute()
  ).map((r) => r.id);
  return { rows: await pbxCallsByIds(db, estateId, ids), total: Number(n) };
}

/** These calls of the estate, newest first. */
export async function pbxCallsByIds(db: Db, estateId: string, ids: readonly string[]): Promise<PbxCallRow[]> {
  if (!ids.length) return [];
  return pbxCallsQuery(db, estateId).where('c.id', 'in', ids).orderBy('c.ringing_at', 'desc').orderBy('c.id').execute();
}

/** Calls still ringing since an instant, at these extensions (all when not given), newest first. */
export async function ringingPbxCalls(
  db: Db,
  estateId: string,
  since: string,
  extensions: readonly string[] | null,
): Promise<PbxCallRow[]> {
  let q = pbxCallsQuery(db, estateId).where('c.state', '=', 'ringing').where('c.ringing_at', '>=', since);
  if (extensions) {
    if (!extensions.length) return [];
    q = q.where('c.extension', 'in', extensions);
  }
  return q.orderBy('c.ringing_at', 'desc').orderBy('c.id').limit(50).execute();
}
