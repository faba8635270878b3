import { type Actor, requireAbility } from '../../auth/index.js';
import { estateSettings } from '../../directory/index.js';
import type { AppContext } from '../../platform/context.js';
import { monthBounds, previousMonth, spotCheckDueAt, spotCheckSampleSize } from '../rules.js';
import { doneBetween } from '../store/follow-ups.js';
import { spotCheckOfMonth } from '../store/spot-checks.js';

/**
 * R-FU-5: what a draw of the month would do, for the manager to confirm before drawing: the
 * month's completed follow-ups and how many would be sampled. Nothing is drawn or recorded.
 */
export async function previewSpotCheckDraw(ctx: AppContext, opts: { actor: Actor; estateId: string; month?: string | undefined }) {
  requireAbility(opts.actor, opts.estateId, 'spotcheck.draw');
  const estate = await estateSettings(ctx.db, opts.estateId);
  const now = ctx.clock.now();
  const month = opts.month ?? previousMonth(now.toISOString(), estate.timeZone);
  const bounds = monthBounds(month, estate.timeZone);
  const drawn = await spotCheckOfMonth(ctx.db, estate.id, month);
  const population = drawn?.drawn_at ? Number(drawn.population) : (await doneBetween(ctx.db, estate.id, bounds.start, bounds.end)).length;
  return {
    month,
    timeZone: estate.timeZone,
    population,
    sampleSize: drawn?.drawn_at ? Number(drawn.sample_size) : spotCheckSampleSize(population, estate.policy),
    alreadyDrawn: Boolean(drawn?.drawn_at),
    monthOver: new Date(bounds.end).getTime() <= now.getTime(),
    dueAt: spotCheckDueAt(month, estate.timeZone, estate.policy),
  };
}
