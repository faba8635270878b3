import type { Kysely, Transaction } from 'kysely';
import type { Database, EstateRow } from '../platform/db/schema.js';
import type { Paging } from './store.js';

/** Estates: the page a person sees, and their rows written. */
type Trx = Transaction<Database>;
type Db = Kysely<Database> | Trx;

/** A page of estates by name: all of them, or those with these ids; with the total. */
export async function pageOfEstates(db: Db, estateIds: readonly string[] | 'all', paging: Paging) {
  let q = db.selectFrom('estates');
  if (estateIds !== 'all') q = estateIds.length ? q.where('id', 'in', [...estateIds]) : q.where('id', '=', '');
  const { n } = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await q
    .selectAll()
    .orderBy('name')
    .limit(paging.pageSize)
    .offset((paging.page - 1) * paging.pageSize)
    .execute();
  return { rows, total: Number(n) };
}

export async function insertEstate(trx: Trx, row: EstateRow): Promise<void> {
  await trx.insertInto('estates').values(row).execute();
}

export async function updateEstateRow(
  trx: Trx,
  estateId: string,
  patch: Partial<Pick<EstateRow, 'name' | 'address' | 'time_zone' | 'office_name' | 'policy'>> & { updated_at: string },
): Promise<void> {
  await trx.updateTable('estates').set(patch).where('id', '=', estateId).execute();
}

/** The estate with this code (any case) or id. */
export async function estateIdByCodeOrId(db: Db, codeOrId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('estates')
    .select('id')
    .where((eb) => eb.or([eb('code', '=', codeOrId.toUpperCase()), eb('id', '=', codeOrId)]))
    .executeTakeFirst();
  return row?.id;
}

/** The estate with exactly this code. */
export async function estateIdByCode(db: Db, code: string): Promise<string | undefined> {
  return (await db.selectFrom('estates').select('id').where('code', '=', code).executeTakeFirst())?.id;
}
