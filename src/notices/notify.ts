import type { Transaction } from 'kysely';
import { staffEmailsOf } from '../directory/index.js';
import type { AppContext } from '../platform/context.js';
import type { Database } from '../platform/db/schema.js';
import { newId } from '../platform/ids.js';
import { enqueue } from '../platform/outbox/index.js';
import * as store from './store.js';

export interface StaffNotice {
  estateId: string;
  staffIds: readonly string[];
  /** What happened: 'case.assigned', 'case.escalated', 'obligation.breached', ... */
  kind: string;
  subjectType: string;
  subjectId: string;
  /** What the screen needs to word the notice without another query. */
  data?: Record<string, unknown>;
  /** When it happened; the clock's now when not given. */
  at?: string;
  /**
   * Also email each of them who has an address. `key` names this occurrence (the case event,
   * the breach): the same kind, subject, person and key is emailed once, however often notified.
   */
  email?: { subject: string; body: string; key: string };
}

/**
 * Notifies staff in the caller's transaction: a notice each, and an email queued in the outbox
 * when asked. Returns who was notified; after commit the caller tells their screens with
 * `publishNotices`.
 */
export async function notifyStaff(trx: Transaction<Database>, ctx: Pick<AppContext, 'clock'>, notice: StaffNotice): Promise<string[]> {
  const staffIds = [...new Set(notice.staffIds)];
  if (!staffIds.length) return [];
  const at = notice.at ?? ctx.clock.now().toISOString();
  const data = JSON.stringify(notice.data ?? {});
  await store.insertNotices(
    trx,
    staffIds.map((staffId) => ({
      id: newId(),
      estate_id: notice.estateId,
      staff_id: staffId,
      kind: notice.kind,
      subject_type: notice.subjectType,
      subject_id: notice.subjectId,
      data,
      created_at: at,
      read_at: null,
    })),
  );
  const email = notice.email;
  if (email) {
    const addresses = await staffEmailsOf(trx, staffIds);
    for (const staffId of staffIds) {
      const address = addresses.get(staffId);
      if (!address) continue;
      await enqueue(trx, {
        estateId: notice.estateId,
        eventKey: `${notice.kind}:${notice.subjectId}:${staffId}:${email.key}`,
        channel: 'email',
        recipient: address,
        subject: email.subject,
        body: email.body,
        payload: { kind: notice.kind, subjectType: notice.subjectType, subjectId: notice.subjectId, staffId },
        at,
      });
    }
  }
  return staffIds;
}

/** Tells the notified staff's open screens, after the transaction that notified them committed. */
export async function publishNotices(ctx: Pick<AppContext, 'live'>, estateId: string, staffIds: readonly string[]): Promise<void> {
  if (staffIds.length) await ctx.live.publish({ estateId, type: 'notice.created', staffIds: [...staffIds] });
}
