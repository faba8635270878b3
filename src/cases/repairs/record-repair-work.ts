import type { z } from 'zod';
import type { Actor } from '../../auth/index.js';
import type { CaseDetail, RepairWorkBody } from '../../contract/cases.js';
import type { AppContext } from '../../platform/context.js';
import { caseEvent, caseHistory, changeCase } from '../change.js';
import { requireOpenRepair } from './require-repair.js';

/** Records work done on a repair and the materials used; both are findable in search. */
export async function recordRepairWork(
  ctx: AppContext,
  opts: { actor: Actor; caseId: string; body: z.infer<typeof RepairWorkBody> },
): Promise<CaseDetail> {
  const { workDone, materials } = opts.body;
  return changeCase(ctx, opts, 'repair.work', async (uc, row) => {
    requireOpenRepair(row);
    await caseEvent(uc, row, opts.actor.id, {
      type: 'repair_work',
      text: workDone,
      data: { materials: materials ?? null },
      search: `${workDone} ${materials ?? ''}`,
    });
    await caseHistory(uc, row, 'repair.work', null, opts.body);
  });
}
