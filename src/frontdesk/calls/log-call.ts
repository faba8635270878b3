import type { z } from 'zod';
import { type Actor, requireAbility } from '../../auth/index.js';
import type { LogCallBody } from '../../contract/frontdesk.js';
import type { AppContext } from '../../platform/context.js';
import { emit } from '../../platform/events.js';
import { newId } from '../../platform/ids.js';
import { runUseCase } from '../../platform/use-case.js';
import { personIn } from '../presence/desk-staff.js';
import { presentCall } from '../present.js';
import { checkRefs, occurred } from '../references.js';
import { findCall, insertCall } from '../store/calls.js';

/** R-PH-4: every call is logged: caller, unit, purpose, outcome, who answered, how long. */
export async function logCall(ctx: AppContext, opts: { actor: Actor; estateId: string; body: z.infer<typeof LogCallBody> }) {
  const b = opts.body;
  const id = newId();
  return runUseCase(ctx, { actorId: opts.actor.id, authorise: () => requireAbility(opts.actor, opts.estateId, 'call.log') }, async (uc) => {
    await checkRefs(uc.trx, opts.estateId, b);
    if (b.askedForId) await personIn(uc.trx, opts.estateId, b.askedForId, 'askedForId');
    const row = {
      id,
      estate_id: opts.estateId,
      started_at: occurred(b.occurredAt, uc.now),
      duration_seconds: b.durationSeconds ?? null,
      caller_name: b.callerName ?? null,
      caller_phone: b.callerPhone ?? null,
      unit_id: b.unitId ?? null,
      resident_id: b.residentId ?? null,
      purpose: b.purpose,
      outcome: b.outcome,
      asked_for_id: b.askedForId ?? null,
      answered_by: opts.actor.id,
      note: b.note ?? null,
      case_id: b.caseId ?? null,
      recorded_at: uc.at,
    };
    await insertCall(uc.trx, row);
    // The PBX's record of the same call, if it reported one, is matched to this entry (R-PH-4).
    await emit(uc.trx, ctx, 'callLogged', { estateId: opts.estateId, callLogId: id, phone: row.caller_phone, startedAt: row.started_at });
    await uc.history({ estateId: opts.estateId, entityType: 'call', entityId: id, action: 'logged', before: null, after: row });
    uc.live({ estateId: opts.estateId, type: 'frontdesk.call', subjectId: id });
    return presentCall(await findCall(uc.trx, opts.estateId, id));
  });
}
