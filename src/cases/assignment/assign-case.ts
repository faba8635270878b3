import type { z } from 'zod';
import type { AssignCaseBody } from '../../contract/cases.js';
import { departmentInEstate, staffInEstate } from '../../directory/index.js';
import { unknownReference } from '../../platform/errors.js';
import { reassignObligations } from '../../platform/obligations/index.js';
import { CASE_SUBJECT, requireNotClosed } from '../access.js';
import { caseChange, caseEvent, caseHistory } from '../change.js';
import { notifyStaff } from '../notify.js';
import { updateCase } from '../store.js';

/**
 * R-CP-2: gives the case to a department and/or a person; its open deadlines go with it, and a
 * newly assigned person is told.
 */
export const assignCase = caseChange<z.infer<typeof AssignCaseBody>>('case.assign', async (uc, row, { ctx, actor, body: b }) => {
  requireNotClosed(row);
  let departmentId = b.departmentId === undefined ? row.department_id : b.departmentId;
  if (b.departmentId && !(await departmentInEstate(uc.trx, row.estate_id, b.departmentId))) throw unknownReference('departmentId');
  let assigneeId = b.assigneeId === undefined ? row.assignee_id : b.assigneeId;
  if (b.assigneeId) {
    const person = await staffInEstate(uc.trx, row.estate_id, b.assigneeId);
    if (!person) throw unknownReference('assigneeId');
    departmentId = b.departmentId === undefined ? (person.department_id ?? departmentId) : departmentId;
  }
  if (b.assigneeId === null) assigneeId = null;
  const status = assigneeId && row.status === 'new' ? 'assigned' : row.status;
  await updateCase(uc.trx, row.estate_id, row.id, { department_id: departmentId, assignee_id: assigneeId, status });
  await reassignObligations(uc.trx, { subjectType: CASE_SUBJECT, subjectId: row.id, ownerId: assigneeId, departmentId });
  await caseEvent(uc, row, actor.id, { type: 'assigned', text: b.note, data: { departmentId, assigneeId } });
  await caseHistory(
    uc,
    row,
    'assigned',
    { department_id: row.department_id, assignee_id: row.assignee_id },
    { department_id: departmentId, assignee_id: assigneeId },
  );
  if (assigneeId && assigneeId !== row.assignee_id) {
    uc.live(...(await notifyStaff(uc, ctx, row, { staffIds: [assigneeId], kind: 'case.assigned' })));
  }
});
