import type { z } from 'zod';
import { type Actor, requireEstate, seesEstate } from '../../auth/index.js';
import type { ListNoticesQuery } from '../../contract/notices.js';
import type { AppContext } from '../../platform/context.js';
import { presentNotice } from '../present.js';
import { type EstateScope, pageOfNotices } from '../store.js';

/** The caller's own notices, newest first, in the estates they work for (or the one asked for). */
export async function listNotices(ctx: AppContext, opts: { actor: Actor; query: z.infer<typeof ListNoticesQuery> }) {
  const { unread, estateId, page, pageSize } = opts.query;
  if (estateId) requireEstate(opts.actor, estateId);
  // Only estates the person still holds a role in: a membership that ended hides its notices.
  const scope: EstateScope = estateId
    ? [estateId]
    : opts.actor.allEstates
      ? null
      : opts.actor.estateIds.filter((id) => seesEstate(opts.actor, id));
  const { rows, total, unreadCount } = await pageOfNotices(ctx.db, opts.actor.id, scope, { unreadOnly: unread === 'true', page, pageSize });
  return { items: rows.map(presentNotice), total, page, pageSize, unreadCount };
}
