import type { z } from 'zod';
import type { Actor } from '../../auth/index.js';
import type { CaseDetail, SatisfactionBody } from '../../contract/cases.js';
import type { AppContext } from '../../platform/context.js';
import { runUseCase } from '../../platform/use-case.js';
import { caseToChange, requireNotClosed } from '../access.js';
import { escalateToManager } from '../escalation/escalate-to-manager.js';
import { getCase } from '../reading/get-case.js';
import { type CaseKind, satisfactionEscalates } from '../rules.js';
import { addEvent, indexText, updateCase } from '../store.js';

/**
 * R-CP-3: records the resident's satisfaction with the handling. A complaint whose resident is
 * not satisfied stays open (a resolved one is taken up again) and escalates to the manager.
 */
export async function recordSatisfaction(
  ctx: AppContext,
  opts: { actor: Actor; caseId: string; body: z.infer<typeof SatisfactionBody> },
): Promise<CaseDetail> {
  const b = opts.body;
  await runUseCase(ctx, { actorId: opts.actor.id }, async (uc) => {
    const row = await caseToChange(uc, opts.actor, opts.caseId, 'case.satisfaction');
    requireNotClosed(row);
    const result = b.result ?? row.result;
    await updateCase(uc.trx, row.estate_id, row.id, { satisfaction: b.satisfaction, result });
    await addEvent(uc.trx, {
      estateId: row.estate_id,
      caseId: row.id,
      type: 'satisfaction',
      at: uc.at,
      actorId: opts.actor.id,
      text: b.note ?? null,
      data: { satisfaction: b.satisfaction, result },
    });
    if (b.note) await indexText(uc.trx, row.estate_id, row.id, b.note);
    await uc.history({
      estateId: row.estate_id,
      entityType: 'case',
      entityId: row.id,
      action: 'satisfaction',
      before: { satisfaction: row.satisfaction, result: row.result },
      after: { satisfaction: b.satisfaction, result, note: b.note ?? null },
    });
    if (satisfactionEscalates(row.kind as CaseKind, b.satisfaction)) {
      if (row.status === 'resolved') await updateCase(uc.trx, row.estate_id, row.id, { status: 'in_progress' });
      const reason = b.note ?? 'R-CP-3: the resident is not satisfied';
      uc.live(...(await escalateToManager(uc, ctx, row, { actorId: opts.actor.id, reason, rule: 'R-CP-3' })));
    }
  });
  return getCase(ctx, { actor: opts.actor, caseId: opts.caseId });
}
