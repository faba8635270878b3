import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import { type Actor, requireAbility } from '../../auth/index.js';
import type { DrawSpotCheckBody } from '../../contract/followups.js';
import { estateSettings } from '../../directory/index.js';
import type { AppContext } from '../../platform/context.js';
import { newId } from '../../platform/ids.js';
import { meetObligations } from '../../platform/obligations/index.js';
import { runUseCase } from '../../platform/use-case.js';
import { drawSample, monthBounds, SPOT_CHECK_RULE, spotCheckSampleSize } from '../rules.js';
import { changed, refuse, SPOT_CHECK } from '../shared.js';
import { doneBetween } from '../store/follow-ups.js';
import { insertSpotCheckItems, markDrawn } from '../store/spot-checks.js';
import { ensureSpotCheck, presentSpotCheckById } from './load.js';

/**
 * R-FU-5: the manager draws the month's sample once. The population is the month's completed
 * follow-ups in a fixed order (completion time, id); the recorded seed drives the draw, so the
 * sample can be redone by anyone, and drawing again returns it rather than a new one.
 */
export async function drawSpotCheck(ctx: AppContext, opts: { actor: Actor; estateId: string; body: z.infer<typeof DrawSpotCheckBody> }) {
  const { id, fresh, now } = await runUseCase(
    ctx,
    { actorId: opts.actor.id, authorise: () => requireAbility(opts.actor, opts.estateId, 'spotcheck.draw') },
    async (uc) => {
      const estate = await estateSettings(uc.trx, opts.estateId);
      const month = monthBounds(opts.body.month, estate.timeZone);
      if (new Date(month.end).getTime() > uc.now.getTime())
        throw refuse('followup.month_not_over', 'R-FU-5: the spot check of a month is drawn once the month is over', { field: 'month' });
      const check = await ensureSpotCheck(uc.trx, estate, opts.body.month, uc.at);
      if (check.drawn_at) return { id: check.id, fresh: false, now: uc.now };
      const population = await doneBetween(uc.trx, estate.id, month.start, month.end);
      const seed = opts.body.seed ?? randomBytes(8).toString('hex');
      const size = spotCheckSampleSize(population.length, estate.policy);
      const sample = drawSample(population, seed, size);
      const won = await markDrawn(uc.trx, check.id, {
        seed,
        population: population.length,
        sample_size: sample.length,
        drawn_at: uc.at,
        drawn_by: opts.actor.id,
        completed_at: sample.length ? null : uc.at,
      });
      if (!won) return { id: check.id, fresh: false, now: uc.now };
      if (sample.length) {
        await insertSpotCheckItems(
          uc.trx,
          sample.map((followupId, i) => ({
            id: newId(),
            estate_id: estate.id,
            spot_check_id: check.id,
            followup_id: followupId,
            position: i + 1,
            verdict: null,
            note: null,
            problem_found: 0,
            verdict_at: null,
            verdict_by: null,
          })),
        );
      } else {
        await meetObligations(uc.trx, {
          subjectType: SPOT_CHECK,
          subjectId: check.id,
          rule: SPOT_CHECK_RULE,
          metAt: uc.at,
          metBy: opts.actor.id,
        });
      }
      await uc.history({
        estateId: estate.id,
        entityType: SPOT_CHECK,
        entityId: check.id,
        action: 'drawn',
        before: null,
        after: { month: opts.body.month, seed, population: population.length, sample },
      });
      uc.live(changed(estate.id, 'spotcheck.changed', check.id));
      return { id: check.id, fresh: true, now: uc.now };
    },
  );
  return { created: fresh, spotCheck: await presentSpotCheckById(ctx.db, id, now, !fresh) };
}
