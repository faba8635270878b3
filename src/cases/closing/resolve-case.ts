import type { z } from 'zod';
import type { Actor } from '../../auth/index.js';
import type { CaseDetail, ResolveBody } from '../../contract/cases.js';
import type { AppContext } from '../../platform/context.js';
import { runUseCase } from '../../platform/use-case.js';
import { caseToChange, requireNotClosed } from '../access.js';
import { getCase } from '../reading/get-case.js';
import { addEvent, indexText, updateCase } from '../store.js';

/** Records the handling result and marks the case resolved (it still awaits closing). */
export async function resolveCase(
  ctx: AppContext,
  opts: { actor: Actor; caseId: string; body: z.infer<typeof ResolveBody> },
): Promise<CaseDetail> {
  await runUseCase(ctx, { actorId: opts.actor.id }, async (uc) => {
    const row = await caseToChange(uc, opts.actor, opts.caseId, 'case.resolve');
    requireNotClosed(row);
    await updateCase(uc.trx, row.estate_id, row.id, { status: 'resolved', result: opts.body.result });
    await addEvent(uc.trx, {
      estateId: row.estate_id,
      caseId: row.id,
      type: 'resolved',
      at: uc.at,
      actorId: opts.actor.id,
      text: opts.body.result,
    });
    await indexText(uc.trx, row.estate_id, row.id, opts.body.result);
    await uc.history({
      estateId: row.estate_id,
      entityType: 'case',
      entityId: row.id,
      action: 'resolved',
      before: { status: row.status, result: row.result },
      after: { status: 'resolved', result: opts.body.result },
    });
  });
  return getCase(ctx, { actor: opts.actor, caseId: opts.caseId });
}
