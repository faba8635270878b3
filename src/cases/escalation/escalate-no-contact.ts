import { managersOf } from '../../directory/index.js';
import type { AppContext } from '../../platform/context.js';
import type { LiveEvent } from '../../platform/live.js';
import { escalateObligation } from '../../platform/obligations/index.js';
import { historyIn, type Trx } from '../../platform/use-case.js';
import { caseChanged } from '../access.js';
import { CONTACT_RULE } from '../progress/rules.js';
import { findCase } from '../store.js';
import { escalateToManager } from './escalate-to-manager.js';

/**
 * R-CP-5: a complainant left without contact past the estate's interval escalates to the
 * manager, as an overdue reply does (R-CP-4). Runs in the sweep's transaction, as the system.
 */
export async function escalateNoContact(
  trx: Trx,
  ctx: AppContext,
  obligation: { subject_id: string; id: string; due_at: string },
  at: string,
): Promise<LiveEvent[]> {
  const row = await findCase(trx, obligation.subject_id);
  if (!row || row.status === 'closed') return [];
  const managers = await managersOf(trx, row.estate_id);
  await escalateObligation(trx, { id: obligation.id, to: managers[0]?.id ?? null, at });
  const events = await escalateToManager({ trx, at, history: historyIn(trx, null, at) }, ctx, row, {
    actorId: null,
    reason: `${CONTACT_RULE}: no contact with the resident by ${obligation.due_at}`,
    rule: CONTACT_RULE,
  });
  return [caseChanged(row.estate_id, row.id), ...events];
}
