import type { z } from 'zod';
import type { ResolveBody } from '../../contract/cases.js';
import { warningsToKeep } from '../../phrases/index.js';
import { requireNotClosed } from '../access.js';
import { caseChange, caseEvent, caseHistory, residentWords } from '../change.js';
import { updateCase } from '../store.js';

/** Records the handling result and marks the case resolved (it still awaits closing); R-WD-2: the result, told to the resident, is checked. */
export const resolveCase = caseChange<z.infer<typeof ResolveBody>>('case.resolve', async (uc, row, { actor, body: { result } }) => {
  requireNotClosed(row);
  await updateCase(uc.trx, row.estate_id, row.id, { status: 'resolved', result });
  const phraseWarnings = await residentWords(uc, row, actor, { result });
  const data = phraseWarnings.length > 0 ? { phraseWarnings: warningsToKeep(phraseWarnings) } : undefined;
  await caseEvent(uc, row, actor.id, { type: 'resolved', text: result, search: result, ...(data && { data }) });
  await caseHistory(uc, row, 'resolved', { status: row.status, result: row.result }, { status: 'resolved', result });
  return phraseWarnings;
});
