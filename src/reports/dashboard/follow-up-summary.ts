import { type Actor, requireAbility } from '../../auth/index.js';
import { estateSettings } from '../../directory/index.js';
import {
  countUnacknowledged,
  dayBounds,
  monthBounds,
  NOTICE_RULE,
  pendingFollowUps,
  previousMonth,
  RECTIFY_RULE,
  spotCheckDueAt,
  spotCheckOfMonth,
} from '../../followups/index.js';
import type { AppContext } from '../../platform/context.js';
import { countOpenObligations, obligationState } from '../../platform/obligations/index.js';

/** For the dashboard: follow-ups due and overdue by class, leaks awaiting rain, notices, and last month's spot check. */
export async function followUpSummary(ctx: AppContext, opts: { actor: Actor; estateId: string; asOf?: string }) {
  requireAbility(opts.actor, opts.estateId, 'followup.read');
  const estate = await estateSettings(ctx.db, opts.estateId);
  const asOf = opts.asOf ? new Date(opts.asOf) : ctx.clock.now();
  const asOfIso = asOf.toISOString();
  const today = dayBounds(asOfIso, estate.timeZone);
  const counts = await pendingFollowUps(ctx.db, estate.id, asOfIso, today.end);
  const byClass = (['safety', 'leak', 'other'] as const).map((repairClass) => {
    const open = counts.filter((c) => c.repairClass === repairClass && c.status === 'open');
    const total = (pick: (c: (typeof counts)[number]) => number) => open.reduce((n, c) => n + pick(c), 0);
    return { repairClass, open: total((c) => c.dated), overdue: total((c) => c.overdue), dueToday: total((c) => c.dueToday) };
  });
  const noticesDue = await countOpenObligations(ctx.db, { estateId: estate.id, rule: NOTICE_RULE });
  const pastDeadline = await countOpenObligations(ctx.db, { estateId: estate.id, rule: RECTIFY_RULE, dueBefore: asOfIso });
  const unacknowledged = await countUnacknowledged(ctx.db, estate.id);
  const month = previousMonth(asOfIso, estate.timeZone);
  const check = await spotCheckOfMonth(ctx.db, estate.id, month);
  const dueAt = check?.due_at ?? spotCheckDueAt(month, estate.timeZone, estate.policy);
  const spotCheck =
    estate.created_at < monthBounds(month, estate.timeZone).end
      ? {
          month,
          status: (check?.completed_at ? 'complete' : check?.drawn_at ? 'drawn' : 'pending') as 'pending' | 'drawn' | 'complete',
          dueAt,
          drawnAt: check?.drawn_at ?? null,
          state: obligationState({ met_at: check?.completed_at ?? null, cancelled_at: null, due_at: dueAt }, asOf),
        }
      : null;
  return {
    asOf: asOfIso,
    byClass,
    awaitingRain: counts.filter((c) => c.status === 'awaiting_rain').reduce((n, c) => n + c.all, 0),
    noticesDue,
    noticesUnacknowledged: unacknowledged,
    noticesPastDeadline: pastDeadline,
    spotCheck,
  };
}
