import type { z } from 'zod';
import type { Actor } from '../../auth/index.js';
import type { CaseDetail, SatisfactionBody } from '../../contract/cases.js';
import type { AppContext } from '../../platform/context.js';
import { requireNotClosed } from '../access.js';
import { caseEvent, caseHistory, changeCase } from '../change.js';
import { escalateToManager } from '../escalation/escalate-to-manager.js';
import { type CaseKind, satisfactionEscalates } from '../rules.js';
import { updateCase } from '../store.js';

/**
 * R-CP-3: records the resident's satisfaction with the handling. A complaint whose resident is
 * not satisfied stays open (a resolved one is taken up again) and escalates to the manager.
 */
export async function recordSatisfaction(
  ctx: AppContext,
  opts: { actor: Actor; caseId: string; body: z.infer<typeof SatisfactionBody> },
): Promise<CaseDetail> {
  const b = opts.body;
  return changeCase(ctx, opts, 'case.satisfaction', async (uc, row) => {
    requireNotClosed(row);
    const result = b.result ?? row.result;
    await updateCase(uc.trx, row.estate_id, row.id, { satisfaction: b.satisfaction, result });
    await caseEvent(uc, row, opts.actor.id, {
      type: 'satisfaction',
      text: b.note,
      data: { satisfaction: b.satisfaction, result },
      search: b.note,
    });
    await caseHistory(
      uc,
      row,
      'satisfaction',
      { satisfaction: row.satisfaction, result: row.result },
      { satisfaction: b.satisfaction, result, note: b.note ?? null },
    );
    if (satisfactionEscalates(row.kind as CaseKind, b.satisfaction)) {
      if (row.status === 'resolved') await updateCase(uc.trx, row.estate_id, row.id, { status: 'in_progress' });
      const reason = b.note ?? 'R-CP-3: the resident is not satisfied';
      uc.live(...(await escalateToManager(uc, ctx, row, { actorId: opts.actor.id, reason, rule: 'R-CP-3' })));
    }
  });
}
