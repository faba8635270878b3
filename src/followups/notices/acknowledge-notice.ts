import type { z } from 'zod';
import type { Actor } from '../../auth/index.js';
import type { AcknowledgeNoticeBody } from '../../contract/followups.js';
import type { AppContext } from '../../platform/context.js';
import { runUseCase } from '../../platform/use-case.js';
import { changed, NOTICE, occurred } from '../shared.js';
import { updateNotice } from '../store/notices.js';
import { noticeFor, presentReadableNotice, requireLive } from './access.js';

/** R-RC-2: the recipient, or the desk on their behalf (a signed paper copy), records receipt. */
export async function acknowledgeRectificationNotice(
  ctx: AppContext,
  opts: { actor: Actor; noticeId: string; body: z.infer<typeof AcknowledgeNoticeBody> },
) {
  await runUseCase(ctx, { actorId: opts.actor.id }, async (uc) => {
    const row = await noticeFor(uc.trx, opts.actor, opts.noticeId, { ability: 'notice.acknowledge', recipientMay: true });
    requireLive(row);
    uc.live(changed(row.estate_id, 'rectification.changed', row.id));
    // Acknowledging twice changes nothing: the first receipt stands (a retried request is harmless).
    if (row.acknowledged_at) return;
    const at = occurred(opts.body.occurredAt, uc.now, { at: row.issued_at, what: 'the notice was issued' });
    await updateNotice(uc.trx, row.id, { acknowledged_at: at, acknowledged_by: opts.actor.id });
    await uc.history({
      estateId: row.estate_id,
      entityType: NOTICE,
      entityId: row.id,
      action: 'acknowledged',
      before: null,
      after: { acknowledgedAt: at },
    });
  });
  return presentReadableNotice(ctx.db, opts.actor, opts.noticeId);
}
