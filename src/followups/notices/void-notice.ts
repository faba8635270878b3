import type { z } from 'zod';
import type { Actor } from '../../auth/index.js';
import { recordOnCase } from '../../cases/index.js';
import type { VoidNoticeBody } from '../../contract/followups.js';
import type { AppContext } from '../../platform/context.js';
import { cancelObligations } from '../../platform/obligations/index.js';
import { runUseCase } from '../../platform/use-case.js';
import { noticeCode } from '../rules.js';
import { changed, NOTICE, refuse } from '../shared.js';
import { updateNotice } from '../store/notices.js';
import { noticeFor, presentReadableNotice, requireLive } from './access.js';

/** Notices are never deleted: a mistaken one is voided with a reason and keeps its number. */
export async function voidRectificationNotice(
  ctx: AppContext,
  opts: { actor: Actor; noticeId: string; body: z.infer<typeof VoidNoticeBody> },
) {
  await runUseCase(ctx, { actorId: opts.actor.id }, async (uc) => {
    const row = await noticeFor(uc.trx, opts.actor, opts.noticeId, { ability: 'notice.void', recipientMay: false });
    requireLive(row);
    if (row.rectified_at) throw refuse('notice.already_rectified', 'a rectified notice stays on record as it is');
    await updateNotice(uc.trx, row.id, { voided_at: uc.at, voided_by: opts.actor.id, void_reason: opts.body.reason });
    await cancelObligations(uc.trx, { subjectType: NOTICE, subjectId: row.id, at: uc.at });
    await recordOnCase(uc.trx, {
      estateId: row.estate_id,
      caseId: row.case_id,
      type: 'rectification_notice',
      at: uc.at,
      actorId: opts.actor.id,
      text: opts.body.reason,
      data: { noticeId: row.id, code: noticeCode(row.year, row.number), action: 'voided' },
    });
    await uc.history({
      estateId: row.estate_id,
      entityType: NOTICE,
      entityId: row.id,
      action: 'voided',
      before: null,
      after: { reason: opts.body.reason },
    });
    uc.live(changed(row.estate_id, 'rectification.changed', row.id), changed(row.estate_id, 'case.updated', row.case_id));
  });
  return presentReadableNotice(ctx.db, opts.actor, opts.noticeId);
}
