import type { z } from 'zod';
import type { Actor } from '../../auth/index.js';
import type { CaseDetail, ForwardBody } from '../../contract/cases.js';
import { departmentInEstate } from '../../directory/index.js';
import type { AppContext } from '../../platform/context.js';
import { unknownReference } from '../../platform/errors.js';
import { reassignObligations } from '../../platform/obligations/index.js';
import { runUseCase } from '../../platform/use-case.js';
import { CASE_SUBJECT, caseError, caseToChange, requireNotClosed } from '../access.js';
import { getCase } from '../reading/get-case.js';
import { forwardProblem } from '../rules.js';
import { addEvent, updateCase } from '../store.js';

/**
 * R-CP-2: forwards the case to the department responsible, with a reason; it leaves the person
 * who held it, and its open deadlines move to that department.
 */
export async function forwardCase(
  ctx: AppContext,
  opts: { actor: Actor; caseId: string; body: z.infer<typeof ForwardBody> },
): Promise<CaseDetail> {
  const b = opts.body;
  await runUseCase(ctx, { actorId: opts.actor.id }, async (uc) => {
    const row = await caseToChange(uc, opts.actor, opts.caseId, 'case.forward');
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
    await addEvent(uc.trx, {
      estateId: row.estate_id,
      caseId: row.id,
      type: 'forwarded',
      at: uc.at,
      actorId: opts.actor.id,
      text: b.reason,
      data: { from: row.department_id, to: target.id, toName: target.name },
    });
    await uc.history({
      estateId: row.estate_id,
      entityType: 'case',
      entityId: row.id,
      action: 'forwarded',
      before: { department_id: row.department_id },
      after: { department_id: target.id, reason: b.reason },
    });
  });
  return getCase(ctx, { actor: opts.actor, caseId: opts.caseId });
}
