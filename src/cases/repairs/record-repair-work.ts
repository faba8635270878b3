import type { z } from 'zod';
import type { Actor } from '../../auth/index.js';
import type { CaseDetail, RepairWorkBody } from '../../contract/cases.js';
import type { AppContext } from '../../platform/context.js';
import { runUseCase } from '../../platform/use-case.js';
import { caseToChange } from '../access.js';
import { getCase } from '../reading/get-case.js';
import { addEvent, indexText } from '../store.js';
import { requireOpenRepair } from './require-repair.js';

/** Records work done on a repair and the materials used; both are findable in search. */
export async function recordRepairWork(
  ctx: AppContext,
  opts: { actor: Actor; caseId: string; body: z.infer<typeof RepairWorkBody> },
): Promise<CaseDetail> {
  await runUseCase(ctx, { actorId: opts.actor.id }, async (uc) => {
    const row = await caseToChange(uc, opts.actor, opts.caseId, 'repair.work');
    requireOpenRepair(row);
    await addEvent(uc.trx, {
      estateId: row.estate_id,
      caseId: row.id,
      type: 'repair_work',
      at: uc.at,
      actorId: opts.actor.id,
      text: opts.body.workDone,
      data: { materials: opts.body.materials ?? null },
    });
    await indexText(uc.trx, row.estate_id, row.id, `${opts.body.workDone} ${opts.body.materials ?? ''}`);
    await uc.history({
      estateId: row.estate_id,
      entityType: 'case',
      entityId: row.id,
      action: 'repair.work',
      before: null,
      after: opts.body,
    });
  });
  return getCase(ctx, { actor: opts.actor, caseId: opts.caseId });
}
