import type { z } from 'zod';
import { type Actor, requireAbility } from '../../auth/index.js';
import type { RecordArrivalBody } from '../../contract/frontdesk.js';
import { estateSettings, householdOf } from '../../directory/index.js';
import type { AppContext } from '../../platform/context.js';
import { newId } from '../../platform/ids.js';
import { openObligation } from '../../platform/obligations/index.js';
import { runUseCase } from '../../platform/use-case.js';
import { checkRefs, occurred } from '../references.js';
import { WAIT_RULE, waitLimitAt } from '../rules.js';
import { insertVisit } from '../store/visits.js';
import { suggestionFor } from './suggestion.js';
import { shownVisit, VISIT } from './visit-for.js';

/** R-WK-1, R-WK-2: one action records the arrival and says who should rise; every visitor waits under R-WK-4 until received. */
export async function recordVisitArrival(
  ctx: AppContext,
  opts: { actor: Actor; estateId: string; body: z.infer<typeof RecordArrivalBody> },
) {
  const b = opts.body;
  const id = newId();
  const authorise = () => requireAbility(opts.actor, opts.estateId, 'visit.record');
  return runUseCase(ctx, { actorId: opts.actor.id, authorise }, async (uc) => {
    const estate = await estateSettings(uc.trx, opts.estateId);
    await checkRefs(uc.trx, estate.id, b);
    const arrivedAt = occurred(b.occurredAt, uc.now);
    // R-WD-2: a visitor who gives the name of a resident of the unit is that resident, addressed by their title.
    const residentId =
      b.residentId ??
      (b.unitId && b.visitorName
        ? (await householdOf(uc.trx, estate.id, b.unitId, '')).find((r) => r.name === b.visitorName)?.id
        : undefined);
    const suggestion = await suggestionFor(uc.trx, estate, { purpose: b.purpose, askedForId: b.askedForId });
    const row = {
      id,
      estate_id: estate.id,
      status: 'waiting',
      arrived_at: arrivedAt,
      visitor_name: b.visitorName ?? null,
      unit_id: b.unitId ?? null,
      resident_id: residentId ?? null,
      purpose: b.purpose,
      note: b.note ?? null,
      asked_for_id: b.askedForId ?? null,
      routed_to_id: b.askedForId ?? suggestion.routedTo?.id ?? null,
      suggestion: JSON.stringify(suggestion),
      acknowledged_at: null,
      received_at: null,
      received_by: null,
      departed_at: null,
      outcome: null,
      case_id: null,
      recorded_by: opts.actor.id,
    };
    await insertVisit(uc.trx, row);
    await openObligation(uc.trx, {
      estateId: estate.id,
      rule: WAIT_RULE,
      subjectType: VISIT,
      subjectId: id,
      openedAt: arrivedAt,
      dueAt: waitLimitAt(arrivedAt, estate.policy),
      data: { purpose: b.purpose },
    });
    await uc.history({ estateId: estate.id, entityType: VISIT, entityId: id, action: 'arrived', before: null, after: row });
    uc.live({ estateId: opts.estateId, type: 'frontdesk.visit', subjectId: id });
    return shownVisit(uc.trx, opts.estateId, id, uc.now);
  });
}
