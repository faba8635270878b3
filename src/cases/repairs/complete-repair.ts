import type { z } from 'zod';
import type { CompleteRepairBody } from '../../contract/cases.js';
import { AppError } from '../../platform/errors.js';
import { emit } from '../../platform/events.js';
import { occurredAt as whenItHappened } from '../../platform/occurred.js';
import { caseError } from '../access.js';
import { caseChange, caseEvent, caseHistory } from '../change.js';
import { tellResident } from '../progress/tell-resident.js';
import { updateCase } from '../store.js';
import { requireOpenRepair } from './require-repair.js';

/**
 * Completes a repair and resolves its case. Emits `repairCompleted` (class and completion time)
 * inside the same transaction: the follow-up capability schedules its visits from it (R-FU-1,
 * R-FU-2), so the follow-ups exist exactly when the completion does.
 */
export const completeRepair = caseChange<z.infer<typeof CompleteRepairBody>>('repair.work', async (uc, row, { ctx, actor, body: b }) => {
  requireOpenRepair(row);
  if (row.repair_completed_at) throw caseError('case.repair_completed', 'the repair is already completed');
  const completedAt = whenItHappened(b.completedAt, uc.now, { field: 'completedAt' });
  if (new Date(completedAt) < new Date(row.occurred_at)) {
    throw new AppError('validation.failed', 'completedAt: cannot be before the case happened', {
      issues: [{ path: 'body.completedAt', message: 'before occurredAt' }],
    });
  }
  await updateCase(uc.trx, row.estate_id, row.id, {
    status: 'resolved',
    repair_completed_at: completedAt,
    repair_started_at: row.repair_started_at ?? completedAt,
    result: row.result ?? b.workDone ?? null,
  });
  const [workDone, materials] = [b.workDone ?? null, b.materials ?? null];
  const completedId = await caseEvent(uc, row, actor.id, {
    type: 'repair_completed',
    at: completedAt,
    text: workDone,
    data: { materials },
    search: workDone,
  });
  await tellResident(uc, { ...row, status: 'resolved' }, { kind: 'completed', key: completedId, actorId: actor.id });
  await caseHistory(uc, row, 'repair.completed', { status: row.status }, { status: 'resolved', completedAt, workDone, materials });
  await emit(uc.trx, ctx, 'repairCompleted', {
    estateId: row.estate_id,
    caseId: row.id,
    repairClass: (row.repair_class ?? 'other') as 'safety' | 'leak' | 'other',
    completedAt,
    actorId: actor.id,
  });
});
