import type { z } from 'zod';
import type { Actor } from '../../auth/index.js';
import type { CaseDetail, ResolveBody } from '../../contract/cases.js';
import type { AppContext } from '../../platform/context.js';
import { requireNotClosed } from '../access.js';
import { caseEvent, caseHistory, changeCase } from '../change.js';
import { updateCase } from '../store.js';

/** Records the handling result and marks the case resolved (it still awaits closing). */
export async function resolveCase(
  ctx: AppContext,
  opts: { actor: Actor; caseId: string; body: z.infer<typeof ResolveBody> },
): Promise<CaseDetail> {
  const { result } = opts.body;
  return changeCase(ctx, opts, 'case.resolve', async (uc, row) => {
    requireNotClosed(row);
    await updateCase(uc.trx, row.estate_id, row.id, { status: 'resolved', result });
    await caseEvent(uc, row, opts.actor.id, { type: 'resolved', text: result, search: result });
    await caseHistory(uc, row, 'resolved', { status: row.status, result: row.result }, { status: 'resolved', result });
  });
}
