import { recordOnCase } from '../../cases/index.js';
import { estateSettings } from '../../directory/index.js';
import type { AppContext } from '../../platform/context.js';
import type { DomainEvents } from '../../platform/events.js';
import { recordChange } from '../../platform/history.js';
import { FOLLOW_UP_RULE, followUpDueAt } from '../rules.js';
import { FOLLOW_UP, type Trx } from '../shared.js';
import { firstRainAfter } from '../store/rain.js';
import { openFollowUp, pointToRain } from './schedule.js';

/**
 * The subscriber of `repairCompleted`, inside the completion's transaction: the R-FU-1 visit,
 * and for a leak the after-rain visit (R-FU-2), due at once if rain after completion is already
 * on record (a completion entered late), else awaiting rain.
 */
export async function scheduleAfterRepair(trx: Trx, ev: DomainEvents['repairCompleted'], ctx: AppContext): Promise<void> {
  const estate = await estateSettings(trx, ev.estateId);
  const dueAt = followUpDueAt(ev.repairClass, ev.completedAt, estate.policy);
  const scheduled = await openFollowUp(trx, {
    estateId: ev.estateId,
    caseId: ev.caseId,
    kind: 'repair',
    repairClass: ev.repairClass,
    completedAt: ev.completedAt,
    openedAt: ev.completedAt,
    dueAt,
    dedupeKey: `repair:${ev.caseId}`,
  });
  let afterRain: { id: string } | undefined;
  if (ev.repairClass === 'leak') {
    afterRain = await openFollowUp(trx, {
      estateId: ev.estateId,
      caseId: ev.caseId,
      kind: 'after_rain',
      repairClass: 'leak',
      completedAt: ev.completedAt,
      openedAt: ev.completedAt,
      dueAt: null,
      dedupeKey: `after_rain:${ev.caseId}`,
    });
    const rain = await firstRainAfter(trx, ev.estateId, ev.completedAt);
    if (afterRain && rain)
      await pointToRain(trx, estate.policy, { id: afterRain.id, estateId: ev.estateId, caseId: ev.caseId }, rain, ev.completedAt);
  }
  const at = ctx.clock.now().toISOString();
  await recordOnCase(trx, {
    estateId: ev.estateId,
    caseId: ev.caseId,
    type: 'follow_up_scheduled',
    at: ev.completedAt,
    actorId: null,
    data: { rule: FOLLOW_UP_RULE, dueAt, repairClass: ev.repairClass, afterRain: ev.repairClass === 'leak' },
  });
  const scheduledBy = { estateId: ev.estateId, actorId: ev.actorId, at, entityType: FOLLOW_UP, action: 'scheduled', before: null };
  if (scheduled) {
    await recordChange(trx, {
      ...scheduledBy,
      entityId: scheduled.id,
      after: { caseId: ev.caseId, kind: 'repair', repairClass: ev.repairClass, dueAt },
    });
  }
  if (afterRain) {
    await recordChange(trx, { ...scheduledBy, entityId: afterRain.id, after: { caseId: ev.caseId, kind: 'after_rain' } });
  }
}
