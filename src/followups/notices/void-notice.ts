import type { z } from 'zod';
import { recordOnCase } from '../../cases/index.js';
import type { VoidNoticeBody } from '../../contract/followups.js';
import { cancelObligations } from '../../platform/obligations/index.js';
import { noticeCode } from '../rules.js';
import { changed, NOTICE, refuse } from '../shared.js';
import { updateNotice } from '../store/notices.js';
import { noticeChange } from './access.js';

/** Notices are never deleted: a mistaken one is voided with a reason and keeps its number. */
export const voidRectificationNotice = noticeChange<z.infer<typeof VoidNoticeBody>>(
  { ability: 'notice.void', recipientMay: false },
  async (uc, row, { actor, body }) => {
    if (row.rectified_at) throw refuse('notice.already_rectified', 'a rectified notice stays on record as it is');
    await updateNotice(uc.trx, row.id, { voided_at: uc.at, voided_by: actor.id, void_reason: body.reason });
    await cancelObligations(uc.trx, { subjectType: NOTICE, subjectId: row.id, at: uc.at });
    await recordOnCase(uc.trx, {
      estateId: row.estate_id,
      caseId: row.case_id,
      type: 'rectification_notice',
      at: uc.at,
      actorId: actor.id,
      text: body.reason,
      data: { noticeId: row.id, code: noticeCode(row.year, row.number), action: 'voided' },
    });
    await uc.history({
      estateId: row.estate_id,
      entityType: NOTICE,
      entityId: row.id,
      action: 'voided',
      before: null,
      after: { reason: body.reason },
    });
    uc.live(changed(row.estate_id, 'rectification.changed', row.id), changed(row.estate_id, 'case.updated', row.case_id));
  },
);
