import type { z } from 'zod';
import type { ForwardBody } from '../../contract/cases.js';
import { departmentInEstate } from '../../directory/index.js';
import { unknownReference } from '../../platform/errors.js';
import { reassignObligations } from '../../platform/obligations/index.js';
import { CASE_SUBJECT, caseError, requireNotClosed } from '../access.js';
import { caseChange, caseEvent, caseHistory } from '../change.js';
import { forwardProblem } from '../rules.js';
import { updateCase } from '../store.js';

/**
 * R-CP-2: forwards the case to the department responsible, with a reason; it leaves the person
 * who held it, and its open deadlines move to that department.
 */
export const forwardCase = caseChange<z.infer<typeof ForwardBody>>('case.forward', async (uc, row, { actor, body: b }) => {
  requireNotClosed(row);
  const target = await departmentInEstate(uc.trx, row.estate_id, b.departmentId);
  if (!target) throw unknownReference('departmentId');
  const problem = forwardProblem(row.department_id, b.departmentId, b.reason);
  if (problem) throw caseError('case.forward_invalid', `R-CP-2: ${problem}`, { field: problem.split(':')[0] });
  await updateCase(uc.trx, row.estate_id, row.id, {
    department_id: target.id,
    assignee_id: null,
    status: row.status === 'resolved' ? 'in_progress' : row.status === 'new' ? 'new' : 'assigned',
  });
  await reassignObligations(uc.trx, { subjectType: CASE_SUBJECT, subjectId: row.id, ownerId: null, departmentId: target.id });
  await caseEvent(uc, row, actor.id, {
    type: 'forwarded',
    text: b.reason,
    data: { from: row.department_id, to: target.id, toName: target.name },
  });
  await caseHistory(uc, row, 'forwarded', { department_id: row.department_id }, { department_id: target.id, reason: b.reason });
});
