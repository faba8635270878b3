import type { z } from 'zod';
import type { Actor } from '../../auth/index.js';
import type { CaseDetail, ReopenBody } from '../../contract/cases.js';
import type { AppContext } from '../../platform/context.js';
import { runUseCase } from '../../platform/use-case.js';
import { caseError, caseToChange } from '../access.js';
import { getCase } from '../reading/get-case.js';
import { addEvent, updateCase } from '../store.js';

/** Takes a resolved or closed case up again, back with whoever held it; the resident's satisfaction is asked anew. */
export async function reopenCase(
  ctx: AppContext,
  opts: { actor: Actor; caseId: string; body: z.infer<typeof ReopenBody> },
): Promise<CaseDetail> {
  await runUseCase(ctx, { actorId: opts.actor.id }, async (uc) => {
    const row = await caseToChange(uc, opts.actor, opts.caseId, 'case.reopen');
    if (row.status !== 'closed' && row.status !== 'resolved')
      throw caseError('case.not_closed', 'only a resolved or closed case can be reopened');
    const status = row.assignee_id ? 'assigned' : 'new';
    await updateCase(uc.trx, row.estate_id, row.id, { status, closed_at: null, closed_by: null, close_reason: null, satisfaction: null });
    await addEvent(uc.trx, {
      estateId: row.estate_id,
      caseId: row.id,
      type: 'reopened',
      at: uc.at,
      actorId: opts.actor.id,
      text: opts.body.reason,
    });
    await uc.history({
      estateId: row.estate_id,
      entityType: 'case',
      entityId: row.id,
      action: 'reopened',
      before: { status: row.status, satisfaction: row.satisfaction },
      after: { status, reason: opts.body.reason },
    });
  });
  return getCase(ctx, { actor: opts.actor, caseId: opts.caseId });
}
