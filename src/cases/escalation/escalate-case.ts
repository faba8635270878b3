import type { z } from 'zod';
import type { Actor } from '../../auth/index.js';
import type { CaseDetail, EscalateBody } from '../../contract/cases.js';
import type { AppContext } from '../../platform/context.js';
import { runUseCase } from '../../platform/use-case.js';
import { caseToChange, requireNotClosed } from '../access.js';
import { getCase } from '../reading/get-case.js';
import { escalateToManager } from './escalate-to-manager.js';

/** R-CP-2: a matter of policy goes up to the estate's manager, with the reason. */
export async function escalateCase(
  ctx: AppContext,
  opts: { actor: Actor; caseId: string; body: z.infer<typeof EscalateBody> },
): Promise<CaseDetail> {
  await runUseCase(ctx, { actorId: opts.actor.id }, async (uc) => {
    const row = await caseToChange(uc, opts.actor, opts.caseId, 'case.escalate');
    requireNotClosed(row);
    uc.live(...(await escalateToManager(uc, ctx, row, { actorId: opts.actor.id, reason: opts.body.reason, rule: 'R-CP-2' })));
  });
  return getCase(ctx, { actor: opts.actor, caseId: opts.caseId });
}
