import type { z } from 'zod';
import { type Actor, can, requireAbility } from '../../auth/index.js';
import type { ListNoticesQuery } from '../../contract/followups.js';
import type { AppContext } from '../../platform/context.js';
import { presentNotice } from '../present.js';
import { noticePage } from '../store/notices.js';

/** Written rectification notices, newest first; without `notice.read`, the ones addressed to the actor (not a refusal). */
export async function listRectificationNotices(
  ctx: AppContext,
  opts: { actor: Actor; estateId: string; query: z.infer<typeof ListNoticesQuery> },
) {
  requireAbility(opts.actor, opts.estateId, 'notice.read.own');
  const q = opts.query;
  const own = can(opts.actor, opts.estateId, 'notice.read') ? undefined : opts.actor.id;
  const asked = q.recipient === 'me' ? opts.actor.id : q.recipient;
  const { rows, total } = await noticePage(ctx.db, {
    estateId: opts.estateId,
    status: q.status,
    recipientIds: [own, asked].filter((id): id is string => Boolean(id)),
    year: q.year,
    caseId: q.caseId,
    page: q.page,
    pageSize: q.pageSize,
  });
  return { items: rows.map(presentNotice), total, page: q.page, pageSize: q.pageSize };
}
