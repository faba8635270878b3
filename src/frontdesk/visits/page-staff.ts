import type { z } from 'zod';
import type { Actor } from '../../auth/index.js';
import type { PageStaffBody, Visit } from '../../contract/frontdesk.js';
import { notifyStaff } from '../../notices/index.js';
import type { AppContext } from '../../platform/context.js';
import { runUseCase } from '../../platform/use-case.js';
import { personIn } from '../presence/desk-staff.js';
import { refuse } from '../references.js';
import { updateVisit } from '../store/visits.js';
import { shownVisit, VISIT, visitFor } from './visit-for.js';

/** R-WK-3: page the routed colleague: a notice on their screen. */
export async function pageStaff(
  ctx: AppContext,
  opts: { actor: Actor; visitId: string; body: z.infer<typeof PageStaffBody> },
): Promise<Visit> {
  return runUseCase(ctx, { actorId: opts.actor.id }, async (uc) => {
    const row = await visitFor(uc.trx, opts.actor, opts.visitId);
    if (row.status === 'departed') throw refuse('frontdesk.visit_departed', 'the visitor has left');
    const person = await personIn(uc.trx, row.estate_id, opts.body.staffId, 'staffId');
    await updateVisit(uc.trx, row.estate_id, row.id, { routed_to_id: person.id });
    const told = await notifyStaff(uc.trx, ctx, {
      estateId: row.estate_id,
      staffIds: [person.id],
      kind: 'visit.paged',
      subjectType: VISIT,
      subjectId: row.id,
      at: uc.at,
      data: { text: [row.visitor_name, row.unit_number, opts.body.note].filter(Boolean).join(' · '), purpose: row.purpose },
    });
    uc.live(
      { estateId: row.estate_id, type: 'frontdesk.visit', subjectId: row.id },
      { estateId: row.estate_id, type: 'notice.created', subjectId: row.id, staffIds: told },
    );
    return shownVisit(uc.trx, row.estate_id, row.id, uc.now);
  });
}
