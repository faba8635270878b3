import type { z } from 'zod';
import type { Actor } from '../../auth/index.js';
import type { PortalCaseDetail, PortalSatisfactionBody } from '../../contract/portal.js';
import type { AppContext } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
import { runUseCase } from '../../platform/use-case.js';
import { caseError, caseToChange } from '../access.js';
import { closeInUseCase } from '../closing/close-case.js';
import { satisfactionInUseCase } from '../closing/record-satisfaction.js';
import { getPortalCase } from './get-portal-case.js';
import { awaitsSatisfaction } from './present.js';

/**
 * R-CP-3 on the portal: the resident answers the satisfaction question of their complaint once its
 * handling result is recorded. Satisfied closes it; not satisfied keeps it open and escalates it to
 * the manager, as when the counter records the answer.
 */
export async function answerSatisfaction(
  ctx: AppContext,
  opts: { actor: Actor; estateId: string; caseId: string; body: z.infer<typeof PortalSatisfactionBody> },
): Promise<z.infer<typeof PortalCaseDetail>> {
  const { actor, body } = opts;
  await runUseCase(ctx, { actorId: actor.id }, async (uc) => {
    const row = await caseToChange(uc, actor, opts.caseId, 'portal.case.satisfaction');
    if (row.estate_id !== opts.estateId) throw notFound('case');
    if (!awaitsSatisfaction(row))
      throw caseError(
        'case.satisfaction_not_asked',
        'R-CP-3: only a complaint whose handling result is recorded asks for your satisfaction',
        {
          field: 'satisfaction',
        },
      );
    await satisfactionInUseCase(uc, ctx, row, actor, { satisfaction: body.satisfaction, note: body.comment });
    if (body.satisfaction === 'satisfied') await closeInUseCase(uc, { ...row, satisfaction: 'satisfied' }, actor, {});
  });
  return getPortalCase(ctx, { actor, estateId: opts.estateId, caseId: opts.caseId });
}
