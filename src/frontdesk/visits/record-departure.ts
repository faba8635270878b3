import type { z } from 'zod';
import type { DepartureBody } from '../../contract/frontdesk.js';
import { meetObligations } from '../../platform/obligations/index.js';
import { checkRefs, occurred, recordStep, refuse } from '../references.js';
import { WAIT_RULE } from '../rules.js';
import { updateVisit } from '../store/visits.js';
import { VISIT, visitChange } from './visit-for.js';

/** R-WK-1: the outcome and the departure close the visit. */
export const recordVisitDeparture = visitChange<z.infer<typeof DepartureBody>>(async (uc, row, { actor, body }) => {
  if (row.status === 'departed') throw refuse('frontdesk.visit_departed', 'the visitor has already left');
  await checkRefs(uc.trx, row.estate_id, { caseId: body.caseId });
  const at = occurred(body.occurredAt, uc.now, {
    at: row.received_at ?? row.arrived_at,
    what: 'the visitor arrived or was received',
  });
  await updateVisit(uc.trx, row.estate_id, row.id, {
    status: 'departed',
    departed_at: at,
    outcome: body.outcome,
    case_id: body.caseId ?? row.case_id,
  });
  // A visitor who leaves unreceived ends the wait: the rule asked for an apology, not a reception.
  await meetObligations(uc.trx, { subjectType: VISIT, subjectId: row.id, rule: WAIT_RULE, metAt: at, metBy: actor.id });
  await recordStep(uc, VISIT, row, 'departed', { at, outcome: body.outcome });
});
