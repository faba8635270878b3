import type { z } from 'zod';
import { type Actor, can, forbidden, roleIn } from '../../auth/index.js';
import type { CloseBody } from '../../contract/cases.js';
import type { PhraseWarning } from '../../contract/phrases.js';
import { warningsToKeep } from '../../phrases/index.js';
import { cancelObligations } from '../../platform/obligations/index.js';
import type { UseCase } from '../../platform/use-case.js';
import { CASE_SUBJECT, caseError, recorderOf } from '../access.js';
import { caseChange, caseEvent, caseHistory, residentWords } from '../change.js';
import { tellResident } from '../progress/tell-resident.js';
import { type CaseKind, closeDecision } from '../rules.js';
import { type CaseJoinRow, updateCase } from '../store.js';

/**
 * R-CP-3: closes the case. A complaint closes only with a recorded result and the resident's
 * satisfaction, or by a manager giving a reason to close it without. Deadlines never met stay on
 * record as cancelled. R-WD-2: a result given here, told to the resident, is checked against the phrase guide.
 */
export const closeCase = caseChange<z.infer<typeof CloseBody>>('case.close', async (uc, row, { actor, body: b }) =>
  closeInUseCase(uc, row, actor, b),
);

/**
 * Closes a case in the use case's transaction under R-CP-3 (see `closeCase`); the resident's own
 * "satisfied" on the portal closes their complaint the same way.
 */
export async function closeInUseCase(
  uc: UseCase,
  row: CaseJoinRow,
  actor: Actor,
  b: { result?: string | undefined; reason?: string | undefined },
): Promise<PhraseWarning[]> {
  if (row.status === 'closed') throw caseError('case.closed', 'the case is already closed');
  const result = b.result ?? row.result;
  const mayCloseUnsatisfied = can(actor, row.estate_id, 'case.close.unsatisfied');
  const decision = closeDecision(
    { kind: row.kind as CaseKind, result, satisfaction: row.satisfaction as 'satisfied' | null },
    { mayCloseUnsatisfied },
    { reason: b.reason },
  );
  // A reason asks to close without the resident's satisfaction: that is the managers' to do (403),
  // where without one the desk is only told what the complaint still lacks (422).
  if (!decision.ok && decision.code === 'case.close_needs_satisfaction' && b.reason && !mayCloseUnsatisfied)
    throw forbidden('case.close.unsatisfied', roleIn(actor, row.estate_id));
  if (!decision.ok)
    throw caseError(decision.code, decision.message, {
      field:
        decision.code === 'case.close_needs_reason' ? 'reason' : decision.code === 'case.close_needs_result' ? 'result' : 'satisfaction',
    });
  await updateCase(uc.trx, row.estate_id, row.id, {
    status: 'closed',
    result,
    closed_at: uc.at,
    closed_by: recorderOf(actor),
    close_reason: b.reason ?? null,
  });
  await cancelObligations(uc.trx, { subjectType: CASE_SUBJECT, subjectId: row.id, at: uc.at });
  const { withoutSatisfaction } = decision;
  const phraseWarnings = await residentWords(uc, row, actor, { result: b.result });
  const closedId = await caseEvent(uc, row, recorderOf(actor), {
    type: 'closed',
    text: b.reason ?? result,
    data: { withoutSatisfaction, ...(phraseWarnings.length > 0 && { phraseWarnings: warningsToKeep(phraseWarnings) }) },
  });
  await tellResident(uc, { ...row, status: 'closed' }, { kind: 'closed', key: closedId, text: result, actorId: recorderOf(actor) });
  await caseHistory(uc, row, 'closed', { status: row.status }, { status: 'closed', result, reason: b.reason ?? null, withoutSatisfaction });
  return phraseWarnings;
}
