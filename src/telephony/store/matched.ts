import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import '../tables.js';

type Db = Kysely<Database> | Transaction<Database>;

/** Which of these call log entries a PBX call is matched to already. */
export async function callLogIdsMatched(db: Db, estateId: string, callLogIds: readonly string[]): Promise<Set<string>> {
  if (!callLogIds.length) return new Set();
  const rows = await db
    .selectFrom('pbx_calls')
    .select('call_log_id')
    .where('estate_id', '=', estateId)
    .where('call_log_id', 'in', callLogIds)
    .execute();
  return new Set(rows.map((r) => r.call_log_id as string));
}
