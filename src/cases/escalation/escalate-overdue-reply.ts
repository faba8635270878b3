import { managersOf } from '../../directory/index.js';
import type { AppContext } from '../../platform/context.js';
import type { LiveEvent } from '../../platform/live.js';
import { escalateObligation } from '../../platform/obligations/index.js';
import { historyIn, type Trx } from '../../platform/use-case.js';
import { caseChanged } from '../access.js';
import { findCase } from '../store.js';
import { escalateToManager } from './escalate-to-manager.js';

/**
 * R-CP-4: when a reply obligation is breached, the case escalates to the manager. Runs in the
 * sweep's transaction that marks the breach, as the system: no one acted.
 */
export async function escalateOverdueReply(
  trx: Trx,
  ctx: AppContext,
  obligation: { subject_id: string; id: string; due_at: string },
  at: string,
): Promise<LiveEvent[]> {
  const row = await findCase(trx, obligation.subject_id);
  if (!row) return [];
  const managers = await managersOf(trx, row.estate_id);
  await escalateObligation(trx, { id: obligation.id, to: managers[0]?.id ?? null, at });
  const events = await escalateToManager({ trx, at, history: historyIn(trx, null, at) }, ctx, row, {
    actorId: null,
    reason: `R-CP-4: no reply to the resident by ${obligation.due_at}`,
    rule: 'R-CP-4',
  });
  return [caseChanged(row.estate_id, row.id), ...events];
}
