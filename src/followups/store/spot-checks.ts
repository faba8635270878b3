import type { Kysely, Transaction } from 'kysely';
import { caseField } from '../../cases/index.js';
import { staffName } from '../../directory/index.js';
import type { Database } from '../../platform/db/schema.js';
import type { SpotCheckItemTable, SpotCheckTable } from '../tables.js';
import '../tables.js';

/** The monthly spot checks and their sampled items, per estate. */
type Trx = Transaction<Database>;
type Db = Kysely<Database> | Trx;

/** A new month's check, unless the estate has one for the month: then false. */
export async function insertSpotCheck(trx: Trx, row: SpotCheckTable): Promise<boolean> {
  const inserted = await trx
    .insertInto('spot_checks')
    .values(row)
    .onConflict((oc) => oc.columns(['estate_id', 'month']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return Boolean(inserted);
}

export async function spotCheckOfMonth(db: Db, estateId: string, month: string) {
  return db.selectFrom('spot_checks').selectAll().where('estate_id', '=', estateId).where('month', '=', month).executeTakeFirst();
}

/** The estate a spot check belongs to, or undefined. */
export async function spotCheckEstate(db: Db, spotCheckId: string): Promise<string | undefined> {
  return (await db.selectFrom('spot_checks').select('estate_id').where('id', '=', spotCheckId).executeTakeFirst())?.estate_id;
}

export async function findSpotCheck(db: Db, estateId: string, spotCheckId: string) {
  return db.selectFrom('spot_checks').selectAll().where('id', '=', spotCheckId).where('estate_id', '=', estateId).executeTakeFirstOrThrow();
}

/** A spot check with who drew it, and its items in order with who gave each verdict. */
export async function spotCheckWithItems(db: Db, spotCheckId: string) {
  const check = await db
    .selectFrom('spot_checks')
    .selectAll('spot_checks')
    .select((e) => staffName(e.ref('spot_checks.drawn_by')).as('drawer_name'))
    .where('spot_checks.id', '=', spotCheckId)
    .executeTakeFirstOrThrow();
  const items = await db
    .selectFrom('spot_check_items')
    .selectAll('spot_check_items')
    .select((e) => staffName(e.ref('spot_check_items.verdict_by')).as('verdict_name'))
    .where('spot_check_items.spot_check_id', '=', spotCheckId)
    .where('spot_check_items.estate_id', '=', check.estate_id)
    .orderBy('spot_check_items.position')
    .execute();
  return { check, items };
}

/** A page of the estate's checks (ids), newest month first. */
export async function spotCheckPage(db: Db, o: { estateId: string; year?: number | undefined; page: number; pageSize: number }) {
  let base = db.selectFrom('spot_checks').where('estate_id', '=', o.estateId);
  if (o.year) base = base.where('month', 'like', `${o.year}-%`);
  const { n } = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await base
    .select('id')
    .orderBy('month', 'desc')
    .limit(o.pageSize)
    .offset((o.page - 1) * o.pageSize)
    .execute();
  return { ids: rows.map((r) => r.id), total: Number(n) };
}

/** Records the draw unless another got there first: true when this one did. */
export async function markDrawn(
  trx: Trx,
  id: string,
  draw: { seed: string; population: number; sample_size: number; drawn_at: string; drawn_by: string; completed_at: string | null },
): Promise<boolean> {
  const won = await trx.updateTable('spot_checks').set(draw).where('id', '=', id).where('drawn_at', 'is', null).executeTakeFirst();
  return Number(won.numUpdatedRows) === 1;
}

export async function insertSpotCheckItems(trx: Trx, items: SpotCheckItemTable[]): Promise<void> {
  if (items.length) await trx.insertInto('spot_check_items').values(items).execute();
}

export async function findSpotCheckItem(db: Db, itemId: string) {
  return db.selectFrom('spot_check_items').selectAll().where('id', '=', itemId).executeTakeFirst();
}

/** A sampled item with the case of its follow-up, in the estate, or undefined. */
export async function spotCheckItemFinding(db: Db, itemId: string) {
  return db
    .selectFrom('spot_check_items')
    .innerJoin('followups', 'followups.id', 'spot_check_items.followup_id')
    .select([
      'spot_check_items.id',
      'spot_check_items.estate_id',
      'spot_check_items.verdict',
      'spot_check_items.verdict_at',
      'spot_check_items.note',
      'spot_check_items.problem_found',
      'followups.case_id',
    ])
    .select((e) => [
      caseField(e.ref('followups.case_id'), 'unit_id').as('unit_id'),
      caseField(e.ref('followups.case_id'), 'maintenance_id').as('maintenance_id'),
    ])
    .where('spot_check_items.id', '=', itemId)
    .executeTakeFirst();
}

/** Records the verdict unless the item has one: true when this one did. */
export async function recordVerdict(
  trx: Trx,
  itemId: string,
  v: { verdict: string; note: string | null; problem_found: number; verdict_at: string; verdict_by: string },
): Promise<boolean> {
  const won = await trx.updateTable('spot_check_items').set(v).where('id', '=', itemId).where('verdict', 'is', null).executeTakeFirst();
  return Number(won.numUpdatedRows) === 1;
}

export async function itemsWithoutVerdict(trx: Trx, spotCheckId: string): Promise<number> {
  const left = await trx
    .selectFrom('spot_check_items')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('spot_check_id', '=', spotCheckId)
    .where('verdict', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(left.n);
}

export async function completeSpotCheck(trx: Trx, spotCheckId: string, at: string): Promise<void> {
  await trx.updateTable('spot_checks').set({ completed_at: at }).where('id', '=', spotCheckId).execute();
}
