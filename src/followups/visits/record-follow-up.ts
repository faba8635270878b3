import type { z } from 'zod';
import type { Actor } from '../../auth/index.js';
import { recordOnCase } from '../../cases/index.js';
import type { RecordFollowUpBody } from '../../contract/followups.js';
import { estateSettings, staffInEstate } from '../../directory/index.js';
import { checkResidentWords, warningsToKeep } from '../../phrases/index.js';
import type { AppContext } from '../../platform/context.js';
import { unknownReference } from '../../platform/errors.js';
import { meetObligations, openObligation } from '../../platform/obligations/index.js';
import { runUseCase } from '../../platform/use-case.js';
import { AFTER_RAIN_RULE, FOLLOW_UP_RULE, NOTICE_RULE, noticeDueAt, unreachableDecision } from '../rules.js';
import { changed, FOLLOW_UP, occurred, refuse } from '../shared.js';
import { updateFollowUp } from '../store/follow-ups.js';
import { followUpFor, notBeforeOf, presentFollowUpById, requireOpen } from './load.js';

/** R-FU-4: who, when, phone or visit, the resident's words, satisfaction and the result. A problem requires a written notice (R-RC-1). */
export async function recordFollowUp(
  ctx: AppContext,
  opts: { actor: Actor; followUpId: string; body: z.infer<typeof RecordFollowUpBody> },
) {
  const b = opts.body;
  const phraseWarnings = await runUseCase(ctx, { actorId: opts.actor.id }, async (uc) => {
    const row = await followUpFor(uc.trx, opts.actor, opts.followUpId, 'followup.record');
    requireOpen(row);
    const estate = await estateSettings(uc.trx, row.estate_id);
    const performedAt = occurred(b.occurredAt, uc.now, notBeforeOf(row));
    let performer = { id: opts.actor.id };
    if (b.performedById) {
      const person = await staffInEstate(uc.trx, row.estate_id, b.performedById);
      if (!person) throw unknownReference('performedById');
      performer = person;
    }
    const attempts = Math.max(b.attempts ?? 0, row.attempt_count + 1);
    if (b.result === 'unreachable') {
      const decision = unreachableDecision(attempts, estate.policy);
      if (!decision.ok)
        throw refuse(
          'followup.unreachable_needs_attempts',
          `R-FU-4: "unreachable" is recorded after ${decision.needed} attempts; ${attempts} so far. Log each try, or give attempts.`,
          { field: 'attempts', needed: decision.needed, attempts },
        );
    }
    const after = {
      status: 'done',
      performed_at: performedAt,
      performed_by: performer.id,
      method: b.method,
      resident_words: b.residentWords ?? null,
      satisfaction: b.satisfaction ?? null,
      result: b.result,
      problem: b.problem ?? null,
      attempt_count: attempts,
      recorded_at: uc.at,
      recorded_by: opts.actor.id,
    };
    await updateFollowUp(uc.trx, row.id, after);
    await meetObligations(uc.trx, {
      subjectType: FOLLOW_UP,
      subjectId: row.id,
      rule: row.kind === 'after_rain' ? AFTER_RAIN_RULE : FOLLOW_UP_RULE,
      metAt: performedAt,
      metBy: performer.id,
    });
    if (b.result === 'problem') {
      await openObligation(uc.trx, {
        estateId: row.estate_id,
        rule: NOTICE_RULE,
        subjectType: FOLLOW_UP,
        subjectId: row.id,
        departmentId: row.department_id,
        openedAt: performedAt,
        dueAt: noticeDueAt(performedAt, estate.policy),
        data: { caseId: row.case_id, problem: b.problem },
      });
    }
    // R-WD-2: the follow-up's words are on the record the resident is shown; the guide warns, never refuses.
    const warnings = await checkResidentWords(uc.trx, {
      estateId: row.estate_id,
      locale: opts.actor.locale,
      fields: { residentWords: b.residentWords },
    });
    const caseEvent = await recordOnCase(uc.trx, {
      estateId: row.estate_id,
      caseId: row.case_id,
      type: 'follow_up',
      at: performedAt,
      actorId: performer.id,
      text: [b.residentWords, b.problem].filter(Boolean).join('\n') || null,
      data: {
        followUpId: row.id,
        kind: row.kind,
        method: b.method,
        result: b.result,
        satisfaction: b.satisfaction ?? null,
        attempts,
        ...(warnings.length > 0 && { phraseWarnings: warningsToKeep(warnings) }),
      },
    });
    await uc.history({
      estateId: row.estate_id,
      entityType: FOLLOW_UP,
      entityId: row.id,
      action: 'recorded',
      before: { status: row.status },
      after,
    });
    uc.live(changed(row.estate_id, 'followup.changed', row.id), caseEvent);
    return warnings;
  });
  const followUp = await presentFollowUpById(ctx.db, opts.followUpId, ctx.clock.now());
  return { ...followUp, phraseWarnings };
}
