import type { z } from 'zod';
import { type Actor, requireAbility, requireResidentsRecord } from '../../auth/index.js';
import type { PortalFollowUp, PortalScoreBody } from '../../contract/portal.js';
import type { AppContext } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
import { runUseCase } from '../../platform/use-case.js';
import { changed, FOLLOW_UP, refuse } from '../shared.js';
import { findFollowUp, updateFollowUp } from '../store/follow-ups.js';
import { mayScore, presentPortalFollowUp } from './portal-follow-ups.js';

/**
 * R-PT-1: a resident scores a follow-up visit of a case of their own units, 1 to 5 with a
 * comment, once the visit is recorded; any other follow-up answers 404 like a missing one.
 */
export async function scoreFollowUp(
  ctx: AppContext,
  opts: { actor: Actor; estateId: string; followUpId: string; body: z.infer<typeof PortalScoreBody> },
): Promise<z.infer<typeof PortalFollowUp>> {
  const authorise = () => requireAbility(opts.actor, opts.estateId, 'portal.followup.score', 'follow-up');
  await runUseCase(ctx, { actorId: opts.actor.id, authorise }, async (uc) => {
    const row = await findFollowUp(uc.trx, opts.followUpId);
    if (!row || row.estate_id !== opts.estateId) throw notFound('follow-up');
    requireResidentsRecord(opts.actor, { estate_id: row.estate_id, unit_id: row.unit_id, resident_id: row.case_resident_id }, 'follow-up');
    if (row.status !== 'done')
      throw refuse('followup.not_visited', 'R-PT-1: a visit is scored once it has been made and recorded', { field: 'score' });
    if (!mayScore(row)) throw refuse('followup.already_scored', 'R-PT-1: this visit has been scored already', { field: 'score' });
    const after = { resident_score: opts.body.score, resident_comment: opts.body.comment ?? null, resident_scored_at: uc.at };
    await updateFollowUp(uc.trx, row.id, after);
    await uc.history({
      estateId: row.estate_id,
      entityType: FOLLOW_UP,
      entityId: row.id,
      action: 'resident.scored',
      before: { resident_score: null },
      after,
    });
    uc.live(changed(row.estate_id, 'followup.changed', row.id));
  });
  const row = await findFollowUp(ctx.db, opts.followUpId);
  if (!row) throw notFound('follow-up');
  return presentPortalFollowUp(row);
}
