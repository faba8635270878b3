import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import type { AttachmentTable } from '../tables.js';
import '../tables.js';

/** Photo attachments of cases: the rows only; the bytes live in files (files.ts). */
type Db = Kysely<Database> | Transaction<Database>;

export async function insertAttachment(trx: Transaction<Database>, row: AttachmentTable): Promise<void> {
  await trx.insertInto('attachments').values(row).execute();
}

/** An attachment by its id alone: its estate is read from it, then checked through its case. */
export async function findAttachment(db: Db, attachmentId: string) {
  return db.selectFrom('attachments').selectAll().where('id', '=', attachmentId).executeTakeFirst();
}

export async function attachmentsOfCase(db: Db, estateId: string, caseId: string) {
  return db
    .selectFrom('attachments')
    .selectAll()
    .where('case_id', '=', caseId)
    .where('estate_id', '=', estateId)
    .orderBy('created_at')
    .execute();
}
