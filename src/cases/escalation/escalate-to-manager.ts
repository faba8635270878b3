import { managersOf } from '../../directory/index.js';
import type { AppContext } from '../../platform/context.js';
import type { LiveEvent } from '../../platform/live.js';
import type { UseCase } from '../../platform/use-case.js';
import { caseEvent, caseHistory } from '../change.js';
import { notifyStaff } from '../notify.js';
import { updateCase } from '../store.js';

/**
 * Escalates a case to the estate's managers (those whose role in the estate is manager); used by
 * R-CP-2 (a policy matter), R-CP-3 (a dissatisfied resident) and R-CP-4 (an overdue reply). The
 * first manager becomes the case's escalation contact unless it already has one; every manager
 * is told. Returns the live events of the notices.
 */
export async function escalateToManager(
  uc: Pick<UseCase, 'trx' | 'at' | 'history'>,
  ctx: AppContext,
  row: { id: string; estate_id: string; number: string; description: string; escalated_to: string | null },
  by: { actorId: string | null; reason: string; rule: string },
): Promise<LiveEvent[]> {
  const managers = await managersOf(uc.trx, row.estate_id);
  const target = managers[0]?.id ?? null;
  await updateCase(uc.trx, row.estate_id, row.id, { escalated_to: row.escalated_to ?? target });
  await caseEvent(uc, row, by.actorId, { type: 'escalated', text: by.reason, data: { rule: by.rule, to: target } });
  await caseHistory(
    uc,
    row,
    'escalated',
    { escalated_to: row.escalated_to },
    { escalated_to: row.escalated_to ?? target, rule: by.rule, reason: by.reason },
  );
  if (!managers.length) return [];
  return notifyStaff(uc, ctx, row, {
    staffIds: managers.map((m) => m.id),
    kind: 'case.escalated',
    text: by.reason,
    dedupeKey: `${by.rule}:${uc.at}`,
  });
}
