import type { z } from 'zod';
import type { ReceiveVisitorBody } from '../../contract/frontdesk.js';
import { meetObligations } from '../../platform/obligations/index.js';
import { personIn } from '../presence/desk-staff.js';
import { occurred, recordStep, refuse } from '../references.js';
import { WAIT_RULE } from '../rules.js';
import { updateVisit } from '../store/visits.js';
import { VISIT, visitChange } from './visit-for.js';

/** R-WK-1: who received the visitor and when; the wait (R-WK-4) ends. */
export const receiveVisitor = visitChange<z.infer<typeof ReceiveVisitorBody>>(async (uc, row, { actor, body }) => {
  if (row.status !== 'waiting') throw refuse('frontdesk.visit_not_waiting', 'the visitor is already received');
  const receiver = await personIn(uc.trx, row.estate_id, body.receiverId ?? actor.id, 'receiverId');
  const at = occurred(body.occurredAt, uc.now, { at: row.arrived_at, what: 'the visitor arrived' });
  await updateVisit(uc.trx, row.estate_id, row.id, {
    status: 'serving',
    received_at: at,
    received_by: receiver.id,
    acknowledged_at: row.acknowledged_at ?? at,
  });
  await meetObligations(uc.trx, { subjectType: VISIT, subjectId: row.id, rule: WAIT_RULE, metAt: at, metBy: receiver.id });
  await recordStep(uc, VISIT, row, 'received', { at, by: receiver.id });
});
