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
