import type { z } from 'zod';
import { type Actor, requireAbility } from '../../auth/index.js';
import type { ImportRowError } from '../../contract/common.js';
import type { ImportRainBody } from '../../contract/followups.js';
import { estateSettings } from '../../directory/index.js';
import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { runUseCase } from '../../platform/use-case.js';
import { parseHkoRainfall, parseRainCsv, type RainPeriod } from '../rain-feed.js';
import { changed } from '../shared.js';
import { rainOnRecord } from '../store/rain.js';
import { addRain } from './apply-rain.js';

/** R-FU-3: reads a weather feed file; rain already on record (same start and end) is skipped, so a file imported twice adds nothing. */
export async function importRainEvents(ctx: AppContext, opts: { actor: Actor; estateId: string; body: z.infer<typeof ImportRainBody> }) {
  const b = opts.body;
  return runUseCase(
    ctx,
    { actorId: opts.actor.id, authorise: () => requireAbility(opts.actor, opts.estateId, 'rain.record') },
    async (uc) => {
      const text = Buffer.from(b.contentBase64, 'base64').toString('utf8');
      const estate = await estateSettings(uc.trx, opts.estateId);
      const feedOpts = { thresholdMm: estate.policy.rainThresholdMm, timeZone: estate.timeZone };
      const parsed =
        b.format === 'csv'
          ? parseRainCsv(text, feedOpts)
          : parseHkoRainfall(text, { ...feedOpts, place: b.place ?? estate.policy.rainfallPlace });
      const future = parsed.events.find((e) => new Date(e.endedAt).getTime() > uc.now.getTime() + 60_000);
      const errors: ImportRowError[] = [...parsed.errors];
      if (future) errors.push({ row: 0, column: 'time', reason: 'in_future', message: `rain ending ${future.endedAt} is in the future` });
      if (errors.length && !b.dryRun) {
        throw new AppError('import.invalid_rows', `${errors.length} problem(s) in the file; nothing was imported`, {
          errors: errors.slice(0, 200),
        });
      }
      const out: (RainPeriod & { duplicate: boolean })[] = [];
      let created = 0;
      let opened = 0;
      const caseIds: string[] = [];
      for (const e of parsed.events) {
        const duplicate = await rainOnRecord(uc.trx, estate.id, e.startedAt, e.endedAt);
        out.push({ ...e, duplicate });
        if (duplicate || b.dryRun) continue;
        const saved = await addRain(uc, opts.actor.id, estate, {
          ...e,
          source: b.format === 'csv' ? 'csv' : 'hko',
          note: b.fileName ?? null,
        });
        created++;
        opened += saved.opened;
        caseIds.push(...saved.caseIds);
      }
      if (created)
        uc.live(changed(estate.id, 'rain.recorded', estate.id), ...caseIds.map((c) => changed(estate.id, 'followup.changed', c)));
      return {
        created,
        duplicates: out.filter((e) => e.duplicate).length,
        followUpsOpened: opened,
        events: out,
        errors,
        dryRun: b.dryRun,
      };
    },
  );
}
