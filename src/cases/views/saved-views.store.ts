import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import type { SavedViewTable } from '../tables.js';
import '../tables.js';

/** Saved views are each person's own: every query names the person. */
type Db = Kysely<Database> | Transaction<Database>;

export async function savedViewsOf(db: Db, estateId: string, staffId: string) {
  return db
    .selectFrom('saved_views')
    .selectAll()
    .where('staff_id', '=', staffId)
    .where('estate_id', '=', estateId)
    .orderBy('name')
    .execute();
}

export async function insertSavedView(db: Db, row: SavedViewTable): Promise<void> {
  await db.insertInto('saved_views').values(row).execute();
}

/** The estate a person's own view belongs to, or undefined when it is not theirs or not there. */
export async function ownSavedViewEstate(db: Db, staffId: string, viewId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('saved_views')
    .select('estate_id')
    .where('id', '=', viewId)
    .where('staff_id', '=', staffId)
    .executeTakeFirst();
  return row?.estate_id;
}

/** Deletes a person's own view of the estate; returns whether there was one. */
export async function deleteOwnSavedView(db: Db, estateId: string, staffId: string, viewId: string): Promise<boolean> {
  const result = await db
    .deleteFrom('saved_views')
    .where('id', '=', viewId)
    .where('staff_id', '=', staffId)
    .where('estate_id', '=', estateId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}
