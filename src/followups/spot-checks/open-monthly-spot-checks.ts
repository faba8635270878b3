import type { Kysely } from 'kysely';
import { allEstateSettings } from '../../directory/index.js';
import type { Database } from '../../platform/db/schema.js';
import { monthBounds, previousMonth } from '../rules.js';
import { spotCheckOfMonth } from '../store/spot-checks.js';
import { ensureSpotCheck } from './load.js';

/**
 * R-FU-5, on each sweep: every estate has its check for the month just ended, with its deadline.
 * The sweep hands the time, so this runs in its own transaction per estate rather than as a use case.
 */
export async function openMonthlySpotChecks(db: Kysely<Database>, now: string): Promise<void> {
  for (const estate of await allEstateSettings(db)) {
    const month = previousMonth(now, estate.timeZone);
    if (estate.created_at >= monthBounds(month, estate.timeZone).end) continue;
    if (await spotCheckOfMonth(db, estate.id, month)) continue;
    await db.transaction().execute((trx) => ensureSpotCheck(trx, estate, month, now));
  }
}
