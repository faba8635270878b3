import { type Actor, requireAbility } from '../../auth/index.js';
import { notFound } from '../../platform/errors.js';
import { obligationsOfRule } from '../../platform/obligations/index.js';
import { presentFollowUp } from '../present.js';
import { NOTICE_RULE } from '../rules.js';
import { type Db, FOLLOW_UP, type FollowUpAbility, refuse } from '../shared.js';
import { attemptsOf, type FollowUpRow, findFollowUp } from '../store/follow-ups.js';
import { noticesOfFollowUps } from '../store/notices.js';

/** A follow-up, loaded first and then the ability checked in its estate (another estate's answers 404). */
export async function followUpFor(db: Db, actor: Actor, followUpId: string, ability: FollowUpAbility) {
  const row = await findFollowUp(db, followUpId);
  if (!row) throw notFound('follow-up');
  requireAbility(actor, row.estate_id, ability, 'follow-up');
  return row;
}

export function requireOpen(row: FollowUpRow) {
  if (row.status === 'awaiting_rain')
    throw refuse('followup.awaiting_rain', 'R-FU-2: no rain since the repair was completed; the after-rain visit is not due yet');
  if (row.status === 'done') throw refuse('followup.already_recorded', 'this follow-up is already recorded');
}

/** The earliest a visit or try can have happened: after the rain it follows up, or after the repair. */
export function notBeforeOf(row: FollowUpRow) {
  return row.kind === 'after_rain' && row.rain_started_at
    ? { at: row.rain_started_at, what: 'the rain it follows up started' }
    : { at: row.repair_completed_at, what: 'the repair was completed' };
}

/** Follow-ups as the API shows them: with their attempts and, after a problem, the R-RC-1 deadline and notices. */
export async function presentFollowUps(db: Db, rows: FollowUpRow[], asOf: Date) {
  const ids = rows.map((r) => r.id);
  const attempts = await attemptsOf(db, ids);
  const obligations = await obligationsOfRule(db, { subjectType: FOLLOW_UP, rule: NOTICE_RULE, subjectIds: ids });
  const notices = await noticesOfFollowUps(db, ids);
  return rows.map((r) =>
    presentFollowUp(
      r,
      attempts.filter((a) => a.followup_id === r.id),
      {
        obligation: obligations.filter((o) => o.subject_id === r.id).at(-1),
        notices: notices.filter((n) => n.followup_id === r.id),
      },
      asOf,
    ),
  );
}

/** One follow-up as the API shows it, read after its change has committed. */
export async function presentFollowUpById(db: Db, followUpId: string, asOf: Date) {
  const [item] = await presentFollowUps(db, [(await findFollowUp(db, followUpId)) as FollowUpRow], asOf);
  return item as NonNullable<typeof item>;
}
