import type { Kysely, Transaction } from 'kysely';
import type { Database } from './db/schema.js';
import type { IdempotencyKeyTable } from './tables.js';
import './tables.js';

type Db = Kysely<Database> | Transaction<Database>;

/** The key's row in the estate for one operation, or undefined. */
export async function findIdempotencyKey(db: Db, estateId: string, operation: string, key: string) {
  return db
    .selectFrom('idempotency_keys')
    .select(['record_id', 'request_hash'])
    .where('estate_id', '=', estateId)
    .where('operation', '=', operation)
    .where('key', '=', key)
    .executeTakeFirst();
}

export async function insertIdempotencyKey(trx: Transaction<Database>, row: IdempotencyKeyTable): Promise<void> {
  await trx.insertInto('idempotency_keys').values(row).execute();
}
