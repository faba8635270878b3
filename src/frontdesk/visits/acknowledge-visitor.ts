import type { z } from 'zod';
import type { AcknowledgeVisitorBody } from '../../contract/frontdesk.js';
import { occurred } from '../references.js';
import { updateVisit } from '../store/visits.js';
import { visitChange } from './visit-for.js';

/** R-WK-4: a queued visitor is greeted and told they will be seen; greeting them again changes nothing. */
export const acknowledgeVisitor = visitChange<z.infer<typeof AcknowledgeVisitorBody>>(async (uc, row, { body }) => {
  if (row.acknowledged_at) return;
  const at = occurred(body.occurredAt, uc.now, { at: row.arrived_at, what: 'the visitor arrived' });
  await updateVisit(uc.trx, row.estate_id, row.id, { acknowledged_at: at });
});
