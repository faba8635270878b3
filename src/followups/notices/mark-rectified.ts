import type { z } from 'zod';
import { recordOnCase } from '../../cases/index.js';
import type { MarkRectifiedBody } from '../../contract/followups.js';
import { estateSettings } from '../../directory/index.js';
import { meetObligations } from '../../platform/obligations/index.js';
import { followUpDueAt, noticeCode, RECTIFY_RULE, type RepairClass } from '../rules.js';
import { changed, NOTICE, occurred, refuse } from '../shared.js';
import { updateNotice } from '../store/notices.js';
import { openFollowUp } from '../visits/schedule.js';
import { noticeChange } from './access.js';

/**
 * R-RC-3: the rectification is done (reported by the recipient, or by the office); a new
 * follow-up is scheduled by R-FU-1 for the same repair class.
 */
export const markRectified = noticeChange<z.infer<typeof MarkRectifiedBody>>(
  { ability: 'notice.rectified', recipientMay: true },
  async (uc, row, { actor, body }) => {
    if (row.rectified_at) throw refuse('notice.already_rectified', 'the notice is already marked rectified');
    if (!row.acknowledged_at)
      throw refuse('notice.not_acknowledged', 'R-RC-2: the recipient acknowledges the notice before it is marked rectified');
    const at = occurred(body.occurredAt, uc.now, { at: row.acknowledged_at, what: 'the notice was acknowledged' });
    const estate = await estateSettings(uc.trx, row.estate_id);
    const repairClass = (row.repair_class ?? 'other') as RepairClass;
    const next = await openFollowUp(uc.trx, {
      estateId: row.estate_id,
      caseId: row.case_id,
      kind: 'after_rectification',
      repairClass,
      completedAt: at,
      openedAt: at,
      dueAt: followUpDueAt(repairClass, at, estate.policy),
      dedupeKey: `rectification:${row.id}`,
      noticeId: row.id,
    });
    await updateNotice(uc.trx, row.id, {
      rectified_at: at,
      rectified_by: actor.id,
      rectified_note: body.note ?? null,
      next_followup_id: next?.id ?? null,
    });
    await meetObligations(uc.trx, { subjectType: NOTICE, subjectId: row.id, rule: RECTIFY_RULE, metAt: at, metBy: actor.id });
    const code = noticeCode(row.year, row.number);
    const caseEvent = await recordOnCase(uc.trx, {
      estateId: row.estate_id,
      caseId: row.case_id,
      type: 'rectification_notice',
      at,
      actorId: actor.id,
      text: body.note ?? null,
      data: { noticeId: row.id, code, action: 'rectified', nextFollowUpId: next?.id ?? null },
    });
    await uc.history({
      estateId: row.estate_id,
      entityType: NOTICE,
      entityId: row.id,
      action: 'rectified',
      before: null,
      after: { rectifiedAt: at, note: body.note ?? null, nextFollowUpId: next?.id ?? null },
    });
    uc.live(
      changed(row.estate_id, 'rectification.changed', row.id),
      caseEvent,
      changed(row.estate_id, 'followup.changed', next?.id ?? row.id),
    );
  },
);
