import type { z } from 'zod';
import type { RepairWorkBody } from '../../contract/cases.js';
import { caseChange, caseEvent, caseHistory } from '../change.js';
import { requireOpenRepair } from './require-repair.js';

/** Records work done on a repair and the materials used; both are findable in search. */
export const recordRepairWork = caseChange<z.infer<typeof RepairWorkBody>>('repair.work', async (uc, row, { actor, body }) => {
  const { workDone, materials } = body;
  requireOpenRepair(row);
  await caseEvent(uc, row, actor.id, {
    type: 'repair_work',
    text: workDone,
    data: { materials: materials ?? null },
    search: `${workDone} ${materials ?? ''}`,
  });
  await caseHistory(uc, row, 'repair.work', null, body);
});
