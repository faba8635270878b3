import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import type { PbxSettingsTable } from '../tables.js';
import '../tables.js';

type Db = Kysely<Database> | Transaction<Database>;

/** The estate's PBX settings row, if it was ever saved. */
export async function pbxSettingsRow(db: Db, estateId: string): Promise<PbxSettingsTable | undefined> {
  return db.selectFrom('pbx_settings').selectAll().where('estate_id', '=', estateId).executeTakeFirst();
}

/** Writes the estate's settings row, making it on first use. */
export async function savePbxSettings(trx: Transaction<Database>, row: PbxSettingsTable): Promise<void> {
  const { estate_id: _, ...set } = row;
  await trx
    .insertInto('pbx_settings')
    .values(row)
    .onConflict((oc) => oc.column('estate_id').doUpdateSet(set))
    .execute();
}
