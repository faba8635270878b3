import type { z } from 'zod';
import type { ReopenBody } from '../../contract/cases.js';
import { caseError } from '../access.js';
import { caseChange, caseEvent, caseHistory } from '../change.js';
import { updateCase } from '../store.js';

/** Takes a resolved or closed case up again, back with whoever held it; the resident's satisfaction is asked anew. */
export const reopenCase = caseChange<z.infer<typeof ReopenBody>>('case.reopen', async (uc, row, { actor, body: { reason } }) => {
  if (row.status !== 'closed' && row.status !== 'resolved')
    throw caseError('case.not_closed', 'only a resolved or closed case can be reopened');
  const status = row.assignee_id ? 'assigned' : 'new';
  await updateCase(uc.trx, row.estate_id, row.id, { status, closed_at: null, closed_by: null, close_reason: null, satisfaction: null });
  await caseEvent(uc, row, actor.id, { type: 'reopened', text: reason });
  await caseHistory(uc, row, 'reopened', { status: row.status, satisfaction: row.satisfaction }, { status, reason });
});
