import type { z } from 'zod';
import type { Actor } from '../../auth/index.js';
import type { CaseDetail, EscalateBody } from '../../contract/cases.js';
import type { AppContext } from '../../platform/context.js';
import { requireNotClosed } from '../access.js';
import { changeCase } from '../change.js';
import { escalateToManager } from './escalate-to-manager.js';

/** R-CP-2: a matter of policy goes up to the estate's manager, with the reason. */
export async function escalateCase(
  ctx: AppContext,
  opts: { actor: Actor; caseId: string; body: z.infer<typeof EscalateBody> },
): Promise<CaseDetail> {
  return changeCase(ctx, opts, 'case.escalate', async (uc, row) => {
    requireNotClosed(row);
    uc.live(...(await escalateToManager(uc, ctx, row, { actorId: opts.actor.id, reason: opts.body.reason, rule: 'R-CP-2' })));
  });
}
