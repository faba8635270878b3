import type { z } from 'zod';
import type { AcknowledgeNoticeBody } from '../../contract/followups.js';
import { changed, NOTICE, occurred } from '../shared.js';
import { updateNotice } from '../store/notices.js';
import { noticeChange } from './access.js';

/** R-RC-2: the recipient, or the desk on their behalf (a signed paper copy), records receipt. */
export const acknowledgeRectificationNotice = noticeChange<z.infer<typeof AcknowledgeNoticeBody>>(
  { ability: 'notice.acknowledge', recipientMay: true },
  async (uc, row, { actor, body }) => {
    uc.live(changed(row.estate_id, 'rectification.changed', row.id));
    // Acknowledging twice changes nothing: the first receipt stands (a retried request is harmless).
    if (row.acknowledged_at) return;
    const at = occurred(body.occurredAt, uc.now, { at: row.issued_at, what: 'the notice was issued' });
    await updateNotice(uc.trx, row.id, { acknowledged_at: at, acknowledged_by: actor.id });
    await uc.history({
      estateId: row.estate_id,
      entityType: NOTICE,
      entityId: row.id,
      action: 'acknowledged',
      before: null,
      after: { acknowledgedAt: at },
    });
  },
);
