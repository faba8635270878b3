import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import type { PbxExtensionTable } from '../tables.js';
import '../tables.js';

type Db = Kysely<Database> | Transaction<Database>;

/** The estate's PBX extensions and who answers each, in extension order. */
export async function extensionsOf(db: Db, estateId: string): Promise<PbxExtensionTable[]> {
  return db.selectFrom('pbx_extensions').selectAll().where('estate_id', '=', estateId).orderBy('extension').execute();
}

/** One extension of the estate, if its settings list it. */
export async function extensionOf(db: Db, estateId: string, extension: string): Promise<PbxExtensionTable | undefined> {
  return db
    .selectFrom('pbx_extensions')
    .selectAll()
    .where('estate_id', '=', estateId)
    .where('extension', '=', extension)
    .executeTakeFirst();
}

/** The extensions a staff member answers in the estate. */
export async function extensionsOfStaff(db: Db, estateId: string, staffId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('pbx_extensions')
    .select('extension')
    .where('estate_id', '=', estateId)
    .where('staff_id', '=', staffId)
    .execute();
  return rows.map((r) => r.extension);
}

/** The estate's extensions become exactly these. */
export async function replaceExtensions(trx: Transaction<Database>, estateId: string, rows: PbxExtensionTable[]): Promise<void> {
  await trx.deleteFrom('pbx_extensions').where('estate_id', '=', estateId).execute();
  if (rows.length) await trx.insertInto('pbx_extensions').values(rows).execute();
}
