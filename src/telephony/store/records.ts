import type { Insertable, Kysely, Transaction } from 'kysely';
import { type PbxCsvMapping as Mapping, PbxCsvMapping } from '../../contract/telephony.js';
import type { Database } from '../../platform/db/schema.js';
import type { PbxCallTable } from '../tables.js';
import { pbxCallsQuery } from './calls.js';
import '../tables.js';

/** What the call-record import and the answer times read of the PBX's settings and calls. */
type Db = Kysely<Database> | Transaction<Database>;

/** The estate's saved generic-CSV mapping, or null when none is saved. */
export async function savedCsvMapping(db: Db, estateId: string): Promise<Mapping | null> {
  const row = await db.selectFrom('pbx_settings').select('csv_mapping').where('estate_id', '=', estateId).executeTakeFirst();
  return row?.csv_mapping ? PbxCsvMapping.parse(JSON.parse(row.csv_mapping)) : null;
}

/** The estate's extensions: who answers each, and its label. */
export async function extensionsOf(db: Db, estateId: string) {
  return db.selectFrom('pbx_extensions').select(['extension', 'staff_id', 'label']).where('estate_id', '=', estateId).execute();
}

/** Which of these PBX call ids the estate has already, from an import or the live events. */
export async function knownPbxCallIds(db: Db, estateId: string, pbxCallIds: readonly string[]): Promise<Set<string>> {
  const known = new Set<string>();
  for (let i = 0; i < pbxCallIds.length; i += 500) {
    const rows = await db
      .selectFrom('pbx_calls')
      .select('pbx_call_id')
      .where('estate_id', '=', estateId)
      .where('pbx_call_id', 'in', pbxCallIds.slice(i, i + 500))
      .execute();
    for (const r of rows) known.add(r.pbx_call_id);
  }
  return known;
}

/** New calls, a hundred rows a statement. */
export async function insertPbxCalls(trx: Transaction<Database>, rows: readonly Insertable<PbxCallTable>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 100)
    await trx
      .insertInto('pbx_calls')
      .values(rows.slice(i, i + 100))
      .execute();
}

/** The estate's calls that rang in [from, to), with their staff member's name, in ringing order. */
export async function pbxCallsRinging(db: Db, estateId: string, from: string, to: string) {
  return pbxCallsQuery(db, estateId)
    .where('c.ringing_at', '>=', from)
    .where('c.ringing_at', '<', to)
    .orderBy('c.ringing_at')
    .orderBy('c.id')
    .execute();
}
