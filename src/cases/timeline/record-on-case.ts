import type { LiveEvent } from '../../platform/live.js';
import type { Trx } from '../../platform/use-case.js';
import { caseChanged } from '../access.js';
import { addEvent, indexText } from '../store.js';

/**
 * Puts what another capability did about a case on its timeline (a follow-up, a rectification
 * notice), inside that capability's transaction; the words are indexed for search. Returns the
 * live event to publish once that transaction commits.
 */
export async function recordOnCase(
  trx: Trx,
  e: {
    estateId: string;
    caseId: string;
    type: 'follow_up_scheduled' | 'follow_up' | 'rectification_notice';
    at: string;
    actorId: string | null;
    text?: string | null;
    data?: Record<string, unknown>;
  },
): Promise<LiveEvent> {
  await addEvent(trx, e);
  if (e.text) await indexText(trx, e.estateId, e.caseId, e.text);
  return caseChanged(e.estateId, e.caseId);
}
