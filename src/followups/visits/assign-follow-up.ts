import type { z } from 'zod';
import type { Actor } from '../../auth/index.js';
import type { AssignFollowUpBody } from '../../contract/followups.js';
import { staffInEstate } from '../../directory/index.js';
import type { AppContext } from '../../platform/context.js';
import { unknownReference } from '../../platform/errors.js';
import { reassignObligationsOfRules } from '../../platform/obligations/index.js';
import { runUseCase } from '../../platform/use-case.js';
import { AFTER_RAIN_RULE, FOLLOW_UP_RULE } from '../rules.js';
import { changed, FOLLOW_UP, refuse } from '../shared.js';
import { updateFollowUp } from '../store/follow-ups.js';
import { followUpFor, presentFollowUpById } from './load.js';

/** Gives the follow-up, and its open visit deadline, to a person (or nobody). */
export async function assignFollowUp(
  ctx: AppContext,
  opts: { actor: Actor; followUpId: string; body: z.infer<typeof AssignFollowUpBody> },
) {
  const assigneeId = opts.body.assigneeId;
  await runUseCase(ctx, { actorId: opts.actor.id }, async (uc) => {
    const row = await followUpFor(uc.trx, opts.actor, opts.followUpId, 'followup.assign');
    if (row.status === 'done') throw refuse('followup.already_recorded', 'this follow-up is already recorded');
    if (assigneeId && !(await staffInEstate(uc.trx, row.estate_id, assigneeId))) throw unknownReference('assigneeId');
    await updateFollowUp(uc.trx, row.id, { assignee_id: assigneeId });
    await reassignObligationsOfRules(uc.trx, {
      subjectType: FOLLOW_UP,
      subjectId: row.id,
      rules: [FOLLOW_UP_RULE, AFTER_RAIN_RULE],
      ownerId: assigneeId,
    });
    await uc.history({
      estateId: row.estate_id,
      entityType: FOLLOW_UP,
      entityId: row.id,
      action: 'assigned',
      before: { assigneeId: row.assignee_id },
      after: { assigneeId },
    });
    uc.live(changed(row.estate_id, 'followup.changed', row.id));
    if (assigneeId && assigneeId !== opts.actor.id)
      uc.live({ estateId: row.estate_id, type: 'followup.assigned', subjectId: row.id, staffIds: [assigneeId] });
  });
  return presentFollowUpById(ctx.db, opts.followUpId, ctx.clock.now());
}
