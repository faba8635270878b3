import type { z } from 'zod';
import type { Actor } from '../../auth/index.js';
import type { CaseDetail, CompleteRepairBody } from '../../contract/cases.js';
import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { emit } from '../../platform/events.js';
import { occurredAt as whenItHappened } from '../../platform/occurred.js';
import { runUseCase } from '../../platform/use-case.js';
import { caseError, caseToChange } from '../access.js';
import { getCase } from '../reading/get-case.js';
import { addEvent, indexText, updateCase } from '../store.js';
import { requireOpenRepair } from './require-repair.js';

/**
 * Completes a repair and resolves its case. Emits `repairCompleted` (class and completion time)
 * inside the same transaction: the follow-up capability schedules its visits from it (R-FU-1,
 * R-FU-2), so the follow-ups exist exactly when the completion does.
 */
export async function completeRepair(
  ctx: AppContext,
  opts: { actor: Actor; caseId: string; body: z.infer<typeof CompleteRepairBody> },
): Promise<CaseDetail> {
  const b = opts.body;
  await runUseCase(ctx, { actorId: opts.actor.id }, async (uc) => {
    const row = await caseToChange(uc, opts.actor, opts.caseId, 'repair.work');
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
    await addEvent(uc.trx, {
      estateId: row.estate_id,
      caseId: row.id,
      type: 'repair_completed',
      at: completedAt,
      actorId: opts.actor.id,
      text: b.workDone ?? null,
      data: { materials: b.materials ?? null },
    });
    if (b.workDone) await indexText(uc.trx, row.estate_id, row.id, b.workDone);
    await uc.history({
      estateId: row.estate_id,
      entityType: 'case',
      entityId: row.id,
      action: 'repair.completed',
      before: { status: row.status },
      after: { status: 'resolved', completedAt, workDone: b.workDone ?? null, materials: b.materials ?? null },
    });
    await emit(uc.trx, ctx, 'repairCompleted', {
      estateId: row.estate_id,
      caseId: row.id,
      repairClass: (row.repair_class ?? 'other') as 'safety' | 'leak' | 'other',
      completedAt,
      actorId: opts.actor.id,
    });
  });
  return getCase(ctx, { actor: opts.actor, caseId: opts.caseId });
}
