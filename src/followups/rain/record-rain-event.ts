import type { z } from 'zod';
import { type Actor, requireAbility } from '../../auth/index.js';
import type { RecordRainEventBody } from '../../contract/followups.js';
import { estateSettings } from '../../directory/index.js';
import type { AppContext } from '../../platform/context.js';
import { invalidField } from '../../platform/occurred.js';
import { runUseCase } from '../../platform/use-case.js';
import { presentRain } from '../present.js';
import { changed } from '../shared.js';
import { addRain } from './apply-rain.js';

/** R-FU-3: a rain recorded by hand; leak repairs completed before it started get their after-rain follow-up (R-FU-2), once. */
export async function recordRainEvent(
  ctx: AppContext,
  opts: { actor: Actor; estateId: string; body: z.infer<typeof RecordRainEventBody> },
) {
  const b = opts.body;
  const saved = await runUseCase(
    ctx,
    { actorId: opts.actor.id, authorise: () => requireAbility(opts.actor, opts.estateId, 'rain.record') },
    async (uc) => {
      if (new Date(b.startedAt).getTime() > uc.now.getTime() + 60_000) throw invalidField('startedAt', 'cannot be in the future');
      if (new Date(b.endedAt).getTime() > uc.now.getTime() + 60_000)
        throw invalidField('endedAt', 'cannot be in the future: record the rain once it has stopped');
      const estate = await estateSettings(uc.trx, opts.estateId);
      const rain = await addRain(uc, opts.actor.id, estate, {
        startedAt: b.startedAt,
        endedAt: b.endedAt,
        amountMm: b.amountMm ?? null,
        source: 'manual',
        note: b.note ?? null,
      });
      uc.live(changed(estate.id, 'rain.recorded', rain.row.id), ...rain.caseIds.map((c) => changed(estate.id, 'followup.changed', c)));
      return rain;
    },
  );
  return presentRain({ ...saved.row, recorder_name: opts.actor.name }, saved.opened);
}
