import { estateSettings, residentContact } from '../../directory/index.js';
import { enqueue } from '../../platform/outbox/index.js';
import type { Trx } from '../../platform/use-case.js';
import type { CaseJoinRow } from '../store.js';

/**
 * A written reply goes to the resident's email when they have one: queued in the outbox in the
 * reply's transaction, keyed by the reply, so it is sent once and never lost.
 */
export async function mailReplyToResident(trx: Trx, row: CaseJoinRow, replyId: string, content: string, at: string): Promise<void> {
  if (!row.resident_id) return;
  const resident = await residentContact(trx, row.estate_id, row.resident_id);
  if (!resident?.email) return;
  const { office_name: office } = await estateSettings(trx, row.estate_id);
  await enqueue(trx, {
    estateId: row.estate_id,
    eventKey: `case.reply:${replyId}`,
    channel: 'email',
    recipient: resident.email,
    subject: `${office}管理處回覆 (${row.number})`,
    body: `${row.resident_name ?? ''}您好:\n\n${content}\n\n${office}管理處\n個案編號 ${row.number}`,
    at,
  });
}
