import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.js';

/** Queries of the estate's own wording of the desk scripts (R-PH-2). */
type Db = Kysely<Database> | Transaction<Database>;

export async function ownScripts(db: Db, estateId: string) {
  return db.selectFrom('desk_scripts').selectAll().where('estate_id', '=', estateId).execute();
}

/** Sets the estate's wording of one script in one language; no text goes back to the plan's. */
export async function replaceScript(
  trx: Transaction<Database>,
  script: { estateId: string; situation: string; locale: string; text: string | null | undefined; at: string; by: string },
): Promise<void> {
  await trx
    .deleteFrom('desk_scripts')
    .where('estate_id', '=', script.estateId)
    .where('situation', '=', script.situation)
    .where('locale', '=', script.locale)
    .execute();
  if (script.text) {
    await trx
      .insertInto('desk_scripts')
      .values({
        estate_id: script.estateId,
        situation: script.situation,
        locale: script.locale,
        text: script.text,
        updated_at: script.at,
        updated_by: script.by,
      })
      .execute();
  }
}
