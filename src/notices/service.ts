import type { Selectable, Transaction } from 'kysely';
import type { z } from 'zod';
import { type Actor, requireEstate, seesEstate } from '../auth/policy.js';
import type { ListNoticesQuery, Notice } from '../contract/notices.js';
import type { AppContext } from '../platform/context.js';
import type { Database } from '../platform/db/schema.js';
import { notFound } from '../platform/errors.js';
import { newId } from '../platform/ids.js';
import { enqueue } from '../platform/outbox/index.js';
import * as store from './store.js';
import type { NoticeTable } from './tables.js';

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
    const addresses = await store.staffEmails(trx, staffIds);
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

function present(row: Selectable<NoticeTable>): Notice {
  return {
    id: row.id,
    estateId: row.estate_id,
    kind: row.kind,
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    data: JSON.parse(row.data) as Record<string, unknown>,
    createdAt: row.created_at,
    readAt: row.read_at,
  };
}

/** The caller's own notices, newest first, in the estates they work for (or the one asked for). */
export async function listNotices(ctx: AppContext, opts: { actor: Actor; query: z.infer<typeof ListNoticesQuery> }) {
  const { unread, estateId, page, pageSize } = opts.query;
  if (estateId) requireEstate(opts.actor, estateId);
  // Only estates the person still holds a role in: a membership that ended hides its notices.
  const scope: store.EstateScope = estateId
    ? [estateId]
    : opts.actor.allEstates
      ? null
      : opts.actor.estateIds.filter((id) => seesEstate(opts.actor, id));
  const mine = store.noticesOf(ctx.db, opts.actor.id, scope);
  const unreadOnly = mine.where('read_at', 'is', null);
  const listed = unread === 'true' ? unreadOnly : mine;
  const [{ n }, { u }] = await Promise.all([
    listed.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    unreadOnly.select((eb) => eb.fn.countAll<number>().as('u')).executeTakeFirstOrThrow(),
  ]);
  const rows = await listed
    .selectAll()
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  return { items: rows.map(present), total: Number(n), page, pageSize, unreadCount: Number(u) };
}

/** Marks one of the caller's own notices read; anyone else's answers 404, like a missing one. */
export async function markNoticeRead(ctx: AppContext, opts: { actor: Actor; noticeId: string }): Promise<Notice> {
  const row = await store.findNotice(ctx.db, opts.actor.id, opts.noticeId);
  if (!row || !seesEstate(opts.actor, row.estate_id)) throw notFound('notice');
  if (row.read_at) return present(row);
  const at = ctx.clock.now().toISOString();
  const changed = await store.markRead(ctx.db, row.id, at);
  const after = changed ? { ...row, read_at: at } : await store.findNotice(ctx.db, opts.actor.id, opts.noticeId);
  if (!after) throw notFound('notice');
  // The person's other tabs update their badge.
  if (changed) await ctx.live.publish({ estateId: row.estate_id, type: 'notice.read', subjectId: row.id, staffIds: [opts.actor.id] });
  return present(after);
}
