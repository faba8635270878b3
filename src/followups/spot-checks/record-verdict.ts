import type { z } from 'zod';
import { type Actor, requireAbility } from '../../auth/index.js';
import type { SpotVerdictBody } from '../../contract/followups.js';
import { estateSettings } from '../../directory/index.js';
import { notifyStaff } from '../../notices/index.js';
import type { AppContext } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
import { meetObligations, openObligation } from '../../platform/obligations/index.js';
import { runUseCase } from '../../platform/use-case.js';
import { NOTICE_RULE, noticeDueAt, SPOT_CHECK_RULE } from '../rules.js';
import { changed, FOLLOW_UP, occurred, refuse, SPOT_CHECK, SPOT_ITEM } from '../shared.js';
import { followUpBrief, updateFollowUp } from '../store/follow-ups.js';
import { completeSpotCheck, findSpotCheck, findSpotCheckItem, itemsWithoutVerdict, recordVerdict } from '../store/spot-checks.js';
import { presentSpotCheckById } from './load.js';

/** R-FU-5: a verdict per sampled follow-up; a discrepancy flags the follow-up and tells its author; a problem found needs a notice (R-RC-1). */
export async function recordSpotCheckVerdict(
  ctx: AppContext,
  opts: { actor: Actor; itemId: string; body: z.infer<typeof SpotVerdictBody> },
) {
  const b = opts.body;
  const { spotCheckId, now } = await runUseCase(ctx, { actorId: opts.actor.id }, async (uc) => {
    const item = await findSpotCheckItem(uc.trx, opts.itemId);
    if (!item) throw notFound('spot-check item');
    requireAbility(opts.actor, item.estate_id, 'spotcheck.verdict', 'spot-check item');
    const check = await findSpotCheck(uc.trx, item.estate_id, item.spot_check_id);
    const verdictAt = occurred(b.occurredAt, uc.now, { at: check.drawn_at, what: 'the sample was drawn' });
    const won = await recordVerdict(uc.trx, item.id, {
      verdict: b.verdict,
      note: b.note ?? null,
      problem_found: b.problemFound ? 1 : 0,
      verdict_at: verdictAt,
      verdict_by: opts.actor.id,
    });
    if (!won) throw refuse('followup.verdict_recorded', 'this item already has its verdict', { field: 'verdict' });
    uc.live(changed(item.estate_id, 'spotcheck.changed', check.id));
    const fu = await followUpBrief(uc.trx, item.estate_id, item.followup_id);
    if (b.verdict === 'discrepancy') {
      await updateFollowUp(uc.trx, fu.id, { flagged_at: verdictAt, flagged_by: opts.actor.id, flag_note: b.note ?? null });
      const told = await notifyStaff(uc.trx, ctx, {
        estateId: item.estate_id,
        staffIds: fu.performed_by && fu.performed_by !== opts.actor.id ? [fu.performed_by] : [],
        kind: 'followup.flagged',
        subjectType: FOLLOW_UP,
        subjectId: fu.id,
        at: uc.at,
        data: { month: check.month, note: (b.note ?? '').slice(0, 200) },
      });
      if (told.length) uc.live({ estateId: item.estate_id, type: 'notice.created', subjectId: fu.id, staffIds: told });
      uc.live(changed(item.estate_id, 'followup.changed', fu.id));
    }
    if (b.problemFound) {
      const estate = await estateSettings(uc.trx, item.estate_id);
      await openObligation(uc.trx, {
        estateId: item.estate_id,
        rule: NOTICE_RULE,
        subjectType: SPOT_ITEM,
        subjectId: item.id,
        openedAt: verdictAt,
        dueAt: noticeDueAt(verdictAt, estate.policy),
        data: { caseId: fu.case_id, spotCheckId: check.id },
      });
    }
    if ((await itemsWithoutVerdict(uc.trx, check.id)) === 0) {
      await completeSpotCheck(uc.trx, check.id, verdictAt);
      await meetObligations(uc.trx, {
        subjectType: SPOT_CHECK,
        subjectId: check.id,
        rule: SPOT_CHECK_RULE,
        metAt: verdictAt,
        metBy: opts.actor.id,
      });
    }
    await uc.history({
      estateId: item.estate_id,
      entityType: SPOT_ITEM,
      entityId: item.id,
      action: 'verdict',
      before: null,
      after: { verdict: b.verdict, note: b.note ?? null, problemFound: b.problemFound },
    });
    return { spotCheckId: item.spot_check_id, now: uc.now };
  });
  return presentSpotCheckById(ctx.db, spotCheckId, now);
}
