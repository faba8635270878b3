import type { z } from 'zod';
import { type Actor, requireAbility } from '../../auth/index.js';
import type { CaseDetail, CreateCaseBody } from '../../contract/cases.js';
import type { AppContext } from '../../platform/context.js';
import { runUseCase } from '../../platform/use-case.js';
import { getCase } from '../reading/get-case.js';
import { recordCase } from './record-case.js';

/**
 * R-IN-1..4: the office records a case from the counter, phone, hotline or portal, numbered per
 * estate and year and routed to the department whose duties cover it. R-CP-1: a complaint, or a
 * case on the hotline, gets its first-reply deadline from when it happened.
 */
export async function createCase(
  ctx: AppContext,
  opts: { actor: Actor; estateId: string; body: z.infer<typeof CreateCaseBody> },
): Promise<CaseDetail> {
  const authorise = () => requireAbility(opts.actor, opts.estateId, 'case.create');
  return runUseCase(ctx, { actorId: opts.actor.id, authorise }, async (uc) => {
    const id = await recordCase(uc, { estateId: opts.estateId, recordedBy: opts.actor.id, body: opts.body });
    // The answer is read in the same transaction: no wait for the connection after the commit.
    return getCase(ctx, { actor: opts.actor, caseId: id, asOf: uc.now, db: uc.trx });
  });
}
