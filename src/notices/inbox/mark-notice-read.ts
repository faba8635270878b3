import { type Actor, seesEstate } from '../../auth/index.js';
import type { Notice } from '../../contract/notices.js';
import type { AppContext } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
import { runUseCase } from '../../platform/use-case.js';
import { presentNotice } from '../present.js';
import { findNotice, markRead } from '../store.js';

/** Marks one of the caller's own notices read; anyone else's answers 404, like a missing one. */
export async function markNoticeRead(ctx: AppContext, opts: { actor: Actor; noticeId: string }): Promise<Notice> {
  return runUseCase(ctx, { actorId: opts.actor.id }, async (uc) => {
    const row = await findNotice(uc.trx, opts.actor.id, opts.noticeId);
    if (!row || !seesEstate(opts.actor, row.estate_id)) throw notFound('notice');
    if (row.read_at) return presentNotice(row);
    const changed = await markRead(uc.trx, row.id, uc.at);
    const after = changed ? { ...row, read_at: uc.at } : await findNotice(uc.trx, opts.actor.id, opts.noticeId);
    if (!after) throw notFound('notice');
    // The person's other tabs update their badge.
    if (changed) uc.live({ estateId: row.estate_id, type: 'notice.read', subjectId: row.id, staffIds: [opts.actor.id] });
    return presentNotice(after);
  });
}
