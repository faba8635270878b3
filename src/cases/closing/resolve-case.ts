import type { z } from 'zod';
import type { ResolveBody } from '../../contract/cases.js';
import { requireNotClosed } from '../access.js';
import { caseChange, caseEvent, caseHistory } from '../change.js';
import { updateCase } from '../store.js';

/** Records the handling result and marks the case resolved (it still awaits closing). */
export const resolveCase = caseChange<z.infer<typeof ResolveBody>>('case.resolve', async (uc, row, { actor, body: { result } }) => {
  requireNotClosed(row);
  await updateCase(uc.trx, row.estate_id, row.id, { status: 'resolved', result });
  await caseEvent(uc, row, actor.id, { type: 'resolved', text: result, search: result });
  await caseHistory(uc, row, 'resolved', { status: row.status, result: row.result }, { status: 'resolved', result });
});
