import type { z } from 'zod';
import { type Actor, requireAbility } from '../../auth/index.js';
import { recordOnCase } from '../../cases/index.js';
import type { IssueNoticeBody } from '../../contract/followups.js';
import { estateSettings, staffInEstate } from '../../directory/index.js';
import { notifyStaff } from '../../notices/index.js';
import { checkResidentWords, warningsToKeep } from '../../phrases/index.js';
import type { AppContext } from '../../platform/context.js';
import { nextNumber } from '../../platform/counters.js';
import { unknownReference } from '../../platform/errors.js';
import { isUniqueViolation, recordFor, rememberRecord } from '../../platform/idempotency.js';
import { newId } from '../../platform/ids.js';
import { meetObligations, openObligation } from '../../platform/obligations/index.js';
import { invalidField } from '../../platform/occurred.js';
import { runUseCase } from '../../platform/use-case.js';
import { NOTICE_RULE, noticeCode, noticeDueAt, RECTIFY_RULE, yearOf } from '../rules.js';
import { changed, FOLLOW_UP, NOTICE, occurred, refuse, SPOT_ITEM } from '../shared.js';
import { insertNotice, liveNoticeFor } from '../store/notices.js';
import { presentReadableNotice } from './access.js';
import { findingOf } from './finding.js';

type IssueNoticeOptions = { actor: Actor; estateId: string; body: z.infer<typeof IssueNoticeBody>; idempotencyKey?: string | undefined };

/**
 * R-RC-1, R-RC-2: the written notice to the maintenance staff responsible. Its number is taken
 * first, inside this transaction, from the estate's counter for the year: concurrent issuers
 * queue on the counter row, so numbers are unique and gap-free (a rolled-back issue takes its
 * number back with it). A finding has at most one live notice, and a request repeated with the
 * same Idempotency-Key answers the notice the first one issued: neither takes a second number.
 */
export async function issueRectificationNotice(ctx: AppContext, opts: IssueNoticeOptions) {
  return (await issueRectificationNoticeOutcome(ctx, opts)).notice;
}

/** The notice, and whether this request issued it (false: a repeat answered with the first). */
export async function issueRectificationNoticeOutcome(ctx: AppContext, opts: IssueNoticeOptions) {
  requireAbility(opts.actor, opts.estateId, 'notice.issue');
  const b = opts.body;
  const idempotent = opts.idempotencyKey
    ? {
        estateId: opts.estateId,
        operation: 'issueRectificationNotice',
        key: opts.idempotencyKey,
        // The key names one issue for one finding; an edited retry of it still answers the first notice.
        request: { followUpId: b.followUpId ?? null, spotCheckItemId: b.spotCheckItemId ?? null },
      }
    : null;
  // A retried request (same Idempotency-Key) answers the notice the first one issued.
  const earlier = idempotent && (await recordFor(ctx.db, idempotent));
  if (earlier) return { notice: await presentReadableNotice(ctx.db, opts.actor, earlier), created: false };
  const issue = () =>
    runUseCase(ctx, { actorId: opts.actor.id }, async (uc) => {
      const { trx } = uc;
      const estate = await estateSettings(trx, opts.estateId);
      const finding = await findingOf(trx, estate.id, b);
      const issuedAt = occurred(b.occurredAt, uc.now, { at: finding.at, what: 'the problem was found' });
      if (new Date(b.deadlineAt).getTime() <= new Date(issuedAt).getTime())
        throw invalidField('deadlineAt', 'must be after the notice is issued');
      const problem = b.problem ?? finding.problem;
      if (!problem) throw invalidField('problem', 'say what problem was found');
      const recipientId = b.recipientId ?? finding.maintenanceId;
      if (!recipientId)
        throw refuse('notice.needs_recipient', 'R-RC-1: name the maintenance staff responsible; the repair has none on record', {
          field: 'recipientId',
        });
      if (!(await staffInEstate(trx, estate.id, recipientId))) throw unknownReference('recipientId');

      // One live notice per finding: a valid second click, or another clerk's request, gets the first.
      const existing = await liveNoticeFor(trx, estate.id, b);
      if (existing) {
        if (idempotent) await rememberRecord(trx, idempotent, existing, uc.at);
        return { id: existing, created: false };
      }

      const year = yearOf(issuedAt, estate.timeZone);
      const number = await nextNumber(trx, { estateId: estate.id, name: 'rectification_notice', period: String(year) });
      const row = {
        id: newId(),
        estate_id: estate.id,
        year,
        number,
        case_id: finding.caseId,
        followup_id: finding.subjectType === FOLLOW_UP ? finding.subjectId : null,
        spot_check_item_id: finding.subjectType === SPOT_ITEM ? finding.subjectId : null,
        unit_id: finding.unitId,
        finding_at: finding.at,
        problem,
        required_action: b.requiredAction,
        deadline_at: new Date(b.deadlineAt).toISOString(),
        recipient_id: recipientId,
        issued_by: opts.actor.id,
        issued_at: issuedAt,
        issue_due_at: noticeDueAt(finding.at, estate.policy),
        acknowledged_at: null,
        acknowledged_by: null,
        rectified_at: null,
        rectified_by: null,
        rectified_note: null,
        next_followup_id: null,
        voided_at: null,
        voided_by: null,
        void_reason: null,
      };
      await insertNotice(trx, row);
      await meetObligations(trx, {
        subjectType: finding.subjectType,
        subjectId: finding.subjectId,
        rule: NOTICE_RULE,
        metAt: issuedAt,
        metBy: opts.actor.id,
      });
      await openObligation(trx, {
        estateId: estate.id,
        rule: RECTIFY_RULE,
        subjectType: NOTICE,
        subjectId: row.id,
        ownerId: recipientId,
        openedAt: issuedAt,
        dueAt: row.deadline_at,
        data: { caseId: finding.caseId, code: noticeCode(year, number) },
      });
      const code = noticeCode(year, number);
      // R-WD-2: the notice's words are checked against the phrase guide; it warns, the notice is issued.
      const phraseWarnings = await checkResidentWords(trx, {
        estateId: estate.id,
        locale: opts.actor.locale,
        fields: { problem, requiredAction: b.requiredAction },
      });
      const caseEvent = await recordOnCase(trx, {
        estateId: estate.id,
        caseId: finding.caseId,
        type: 'rectification_notice',
        at: issuedAt,
        actorId: opts.actor.id,
        text: `${code} ${problem}\n${b.requiredAction}`,
        data: {
          noticeId: row.id,
          code,
          action: 'issued',
          deadlineAt: row.deadline_at,
          ...(phraseWarnings.length > 0 && { phraseWarnings: warningsToKeep(phraseWarnings) }),
        },
      });
      const notified = await notifyStaff(trx, ctx, {
        estateId: estate.id,
        staffIds: recipientId === opts.actor.id ? [] : [recipientId],
        kind: 'rectification.issued',
        subjectType: NOTICE,
        subjectId: row.id,
        at: uc.at,
        data: { code, problem: problem.slice(0, 200), deadlineAt: row.deadline_at },
        email: {
          subject: `書面整改通知 / Rectification notice ${code}`,
          body: `${estate.name}\n${code}\n\n${problem}\n\n${b.requiredAction}\n\nDeadline: ${row.deadline_at}`,
          key: row.id,
        },
      });
      await uc.history({
        estateId: estate.id,
        entityType: NOTICE,
        entityId: row.id,
        action: 'issued',
        before: null,
        after: { ...row, code },
      });
      uc.live(changed(estate.id, 'rectification.changed', row.id), changed(estate.id, 'followup.changed', finding.subjectId), caseEvent);
      if (notified.length) uc.live({ estateId: estate.id, type: 'notice.created', subjectId: row.id, staffIds: notified });
      if (idempotent) await rememberRecord(trx, idempotent, row.id, uc.at);
      return { id: row.id, created: true, phraseWarnings };
    });
  let outcome: Awaited<ReturnType<typeof issue>>;
  try {
    outcome = await issue();
  } catch (err) {
    // A concurrent twin (the same key, or the same finding) committed first; this one took no
    // number (its transaction rolled back). Answer the twin's notice.
    if (!isUniqueViolation(err)) throw err;
    const twin = (idempotent && (await recordFor(ctx.db, idempotent))) ?? (await liveNoticeFor(ctx.db, opts.estateId, b));
    if (!twin) throw err;
    return { notice: await presentReadableNotice(ctx.db, opts.actor, twin), created: false };
  }
  const notice = await presentReadableNotice(ctx.db, opts.actor, outcome.id);
  // R-WD-2: what the guide found in this request's words; a repeat answering an earlier notice has none of its own.
  const phraseWarnings = ('phraseWarnings' in outcome && outcome.phraseWarnings) || [];
  return { notice: phraseWarnings.length > 0 ? { ...notice, phraseWarnings } : notice, created: outcome.created };
}
