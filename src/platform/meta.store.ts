import type { Kysely, Transaction } from 'kysely';
import type { Database } from './db/schema.js';
import './tables.js';

type Db = Kysely<Database> | Transaction<Database>;

export async function readMeta(db: Db, key: string): Promise<string | null> {
  const row = await db.selectFrom('app_meta').select('value').where('key', '=', key).executeTakeFirst();
  return row?.value ?? null;
}

/** Records a fact once; writing it again keeps the first. */
export async function writeMeta(trx: Transaction<Database>, key: string, value: string, at: string): Promise<void> {
  await trx
    .insertInto('app_meta')
    .values({ key, value, updated_at: at })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
}
