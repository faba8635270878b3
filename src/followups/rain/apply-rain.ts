import type { EstatePolicy } from '../../contract/directory.js';
import { newId } from '../../platform/ids.js';
import type { UseCase } from '../../platform/use-case.js';
import { rainRepoints } from '../rules.js';
import type { Trx } from '../shared.js';
import { afterRainFollowUps } from '../store/follow-ups.js';
import { insertRainEvent } from '../store/rain.js';
import { pointToRain } from '../visits/schedule.js';

/** R-FU-3: a rain on record: after-rain follow-ups of leaks completed before it started become due. Returns how many it opened. */
async function applyRain(
  trx: Trx,
  estate: { id: string; policy: EstatePolicy },
  rain: { id: string; started_at: string; ended_at: string },
  at: string,
) {
  const waiting = await afterRainFollowUps(trx, estate.id, rain.started_at);
  let opened = 0;
  const touched: string[] = [];
  for (const f of waiting) {
    const status = f.status as 'awaiting_rain' | 'open';
    if (!rainRepoints({ status, completedAt: f.repair_completed_at, rainStartedAt: f.rain_started_at }, { startedAt: rain.started_at }))
      continue;
    await pointToRain(trx, estate.policy, { id: f.id, estateId: estate.id, caseId: f.case_id }, rain, at);
    if (status === 'awaiting_rain') opened++;
    touched.push(f.case_id);
  }
  return { opened, caseIds: touched };
}

/** Records a rain and applies it to the follow-ups waiting for one, with its history entry. */
export async function addRain(
  uc: UseCase,
  recordedBy: string,
  estate: { id: string; policy: EstatePolicy },
  r: { startedAt: string; endedAt: string; amountMm: number | null; source: 'manual' | 'hko' | 'csv'; note: string | null },
) {
  const row = {
    id: newId(),
    estate_id: estate.id,
    started_at: new Date(r.startedAt).toISOString(),
    ended_at: new Date(r.endedAt).toISOString(),
    amount_mm: r.amountMm,
    source: r.source,
    note: r.note,
    recorded_by: recordedBy,
    recorded_at: uc.at,
  };
  await insertRainEvent(uc.trx, row);
  const applied = await applyRain(uc.trx, estate, row, uc.at);
  await uc.history({
    estateId: estate.id,
    entityType: 'rain_event',
    entityId: row.id,
    action: 'recorded',
    before: null,
    after: {
      startedAt: row.started_at,
      endedAt: row.ended_at,
      amountMm: row.amount_mm,
      source: row.source,
      followUpsOpened: applied.opened,
    },
  });
  return { row, ...applied };
}
