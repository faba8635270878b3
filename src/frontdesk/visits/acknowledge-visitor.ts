import type { z } from 'zod';
import type { Actor } from '../../auth/index.js';
import type { AcknowledgeVisitorBody, Visit } from '../../contract/frontdesk.js';
import type { AppContext } from '../../platform/context.js';
import { runUseCase } from '../../platform/use-case.js';
import { occurred } from '../references.js';
import { updateVisit } from '../store/visits.js';
import { shownVisit, visitFor } from './visit-for.js';

/** R-WK-4: a queued visitor is greeted and told they will be seen; greeting them again changes nothing. */
export async function acknowledgeVisitor(
  ctx: AppContext,
  opts: { actor: Actor; visitId: string; body: z.infer<typeof AcknowledgeVisitorBody> },
): Promise<Visit> {
  return runUseCase(ctx, { actorId: opts.actor.id }, async (uc) => {
    const row = await visitFor(uc.trx, opts.actor, opts.visitId);
    if (!row.acknowledged_at) {
      const at = occurred(opts.body.occurredAt, uc.now, { at: row.arrived_at, what: 'the visitor arrived' });
      await updateVisit(uc.trx, row.estate_id, row.id, { acknowledged_at: at });
    }
    uc.live({ estateId: row.estate_id, type: 'frontdesk.visit', subjectId: row.id });
    return shownVisit(uc.trx, row.estate_id, row.id, uc.now);
  });
}
