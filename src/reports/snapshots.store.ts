import type { Kysely } from 'kysely';
import type { Database } from '../platform/db/schema.js';
import './tables.js';

/** Frozen monthly reports: written once per estate and month, never changed. */
type Db = Kysely<Database>;

export async function snapshotsOf(db: Db, estateId: string, months: readonly string[]) {
  if (!months.length) return [];
  return db
    .selectFrom('report_snapshots')
    .select(['month', 'frozen_at', 'as_of', 'body'])
    .where('estate_id', '=', estateId)
    .where('month', 'in', months)
    .execute();
}

/** Keeps the first snapshot of a month: a second freezing (two readers at once) changes nothing. */
export async function insertSnapshot(db: Db, row: Database['report_snapshots']): Promise<void> {
  await db
    .insertInto('report_snapshots')
    .values(row)
    .onConflict((oc) => oc.columns(['estate_id', 'month']).doNothing())
    .execute();
}
