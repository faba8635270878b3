import type { z } from 'zod';
import type { Actor } from '../../auth/index.js';
import type { DepartureBody, Visit } from '../../contract/frontdesk.js';
import type { AppContext } from '../../platform/context.js';
import { meetObligations } from '../../platform/obligations/index.js';
import { runUseCase } from '../../platform/use-case.js';
import { checkRefs, occurred, refuse } from '../references.js';
import { WAIT_RULE } from '../rules.js';
import { updateVisit } from '../store/visits.js';
import { shownVisit, VISIT, visitFor } from './visit-for.js';

/** R-WK-1: the outcome and the departure close the visit. */
export async function recordVisitDeparture(
  ctx: AppContext,
  opts: { actor: Actor; visitId: string; body: z.infer<typeof DepartureBody> },
): Promise<Visit> {
  return runUseCase(ctx, { actorId: opts.actor.id }, async (uc) => {
    const row = await visitFor(uc.trx, opts.actor, opts.visitId);
    if (row.status === 'departed') throw refuse('frontdesk.visit_departed', 'the visitor has already left');
    await checkRefs(uc.trx, row.estate_id, { caseId: opts.body.caseId });
    const at = occurred(opts.body.occurredAt, uc.now, {
      at: row.received_at ?? row.arrived_at,
      what: 'the visitor arrived or was received',
    });
    await updateVisit(uc.trx, row.estate_id, row.id, {
      status: 'departed',
      departed_at: at,
      outcome: opts.body.outcome,
      case_id: opts.body.caseId ?? row.case_id,
    });
    // A visitor who leaves unreceived ends the wait: the rule asked for an apology, not a reception.
    await meetObligations(uc.trx, { subjectType: VISIT, subjectId: row.id, rule: WAIT_RULE, metAt: at, metBy: opts.actor.id });
    await uc.history({
      estateId: row.estate_id,
      entityType: VISIT,
      entityId: row.id,
      action: 'departed',
      before: null,
      after: { at, outcome: opts.body.outcome },
    });
    uc.live({ estateId: row.estate_id, type: 'frontdesk.visit', subjectId: row.id });
    return shownVisit(uc.trx, row.estate_id, row.id, uc.now);
  });
}
