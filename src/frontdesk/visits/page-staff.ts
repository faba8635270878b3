import type { z } from 'zod';
import type { PageStaffBody } from '../../contract/frontdesk.js';
import { notifyStaff } from '../../notices/index.js';
import { personIn } from '../presence/desk-staff.js';
import { refuse } from '../references.js';
import { updateVisit } from '../store/visits.js';
import { VISIT, visitChange } from './visit-for.js';

/** R-WK-3: page the routed colleague: a notice on their screen. */
export const pageStaff = visitChange<z.infer<typeof PageStaffBody>>(async (uc, row, { ctx, body }) => {
  if (row.status === 'departed') throw refuse('frontdesk.visit_departed', 'the visitor has left');
  const person = await personIn(uc.trx, row.estate_id, body.staffId, 'staffId');
  await updateVisit(uc.trx, row.estate_id, row.id, { routed_to_id: person.id });
  const told = await notifyStaff(uc.trx, ctx, {
    estateId: row.estate_id,
    staffIds: [person.id],
    kind: 'visit.paged',
    subjectType: VISIT,
    subjectId: row.id,
    at: uc.at,
    data: { text: [row.visitor_name, row.unit_number, body.note].filter(Boolean).join(' · '), purpose: row.purpose },
  });
  uc.live({ estateId: row.estate_id, type: 'notice.created', subjectId: row.id, staffIds: told });
});
