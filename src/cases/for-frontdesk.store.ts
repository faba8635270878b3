import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../platform/db/schema.js';
import './tables.js';

/** Whether the case is one of the estate's: a call or visit may name the case it led to. */
export async function isCaseOfEstate(db: Kysely<Database> | Transaction<Database>, estateId: string, caseId: string): Promise<boolean> {
  const row = await db.selectFrom('cases').select('id').where('id', '=', caseId).where('estate_id', '=', estateId).executeTakeFirst();
  return Boolean(row);
}
