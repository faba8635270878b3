import type { EstatePolicy } from '../../contract/directory.js';
import { newId } from '../../platform/ids.js';
import { openObligation } from '../../platform/obligations/index.js';
import { presentSpotCheck } from '../present.js';
import { monthBounds, SPOT_CHECK_RULE, spotCheckDueAt } from '../rules.js';
import { type Db, SPOT_CHECK, type Trx } from '../shared.js';
import { followUpsByIds } from '../store/follow-ups.js';
import { insertSpotCheck, spotCheckOfMonth, spotCheckWithItems } from '../store/spot-checks.js';
import { presentFollowUps } from '../visits/load.js';

/** R-FU-5: the month's check row and its obligation, created once (unique per estate and month). */
export async function ensureSpotCheck(trx: Trx, estate: { id: string; timeZone: string; policy: EstatePolicy }, month: string, at: string) {
  const dueAt = spotCheckDueAt(month, estate.timeZone, estate.policy);
  const id = newId();
  const inserted = await insertSpotCheck(trx, {
    id,
    estate_id: estate.id,
    month,
    seed: null,
    population: 0,
    sample_size: 0,
    drawn_at: null,
    drawn_by: null,
    due_at: dueAt,
    completed_at: null,
    created_at: at,
  });
  if (inserted) {
    await openObligation(trx, {
      estateId: estate.id,
      rule: SPOT_CHECK_RULE,
      subjectType: SPOT_CHECK,
      subjectId: id,
      openedAt: monthBounds(month, estate.timeZone).end,
      dueAt,
      data: { month },
    });
  }
  const check = await spotCheckOfMonth(trx, estate.id, month);
  if (!check) throw new Error(`no spot check for ${month}`);
  return check;
}

/** A spot check as the API shows it, with its sampled follow-ups. */
export async function presentSpotCheckById(db: Db, spotCheckId: string, asOf: Date, alreadyDrawn = false) {
  const { check, items } = await spotCheckWithItems(db, spotCheckId);
  const fuRows = await followUpsByIds(
    db,
    check.estate_id,
    items.map((i) => i.followup_id),
  );
  const followUps = await presentFollowUps(db, fuRows, asOf);
  return presentSpotCheck(check, items, followUps, asOf, alreadyDrawn);
}
