import type { z } from 'zod';
import { type Actor, can, requireAbility } from '../../auth/index.js';
import type { ListMessagesQuery } from '../../contract/frontdesk.js';
import type { AppContext } from '../../platform/context.js';
import { presentMessage } from '../present.js';
import { pageOfMessages } from '../store/messages.js';

/** R-PH-3: the desk sees every message of the estate (`message.read`); everyone else the messages left for them. */
export async function listMessages(ctx: AppContext, opts: { actor: Actor; estateId: string; query: z.infer<typeof ListMessagesQuery> }) {
  requireAbility(opts.actor, opts.estateId, 'message.read.own');
  const q = opts.query;
  const asOf = q.asOf ? new Date(q.asOf) : ctx.clock.now();
  const { rows, total } = await pageOfMessages(
    ctx.db,
    opts.estateId,
    {
      onlyFor: can(opts.actor, opts.estateId, 'message.read') ? undefined : opts.actor.id,
      forId: q.for === 'me' ? opts.actor.id : q.for,
      status: q.status,
      asOf: asOf.toISOString(),
    },
    { page: q.page, pageSize: q.pageSize },
  );
  return { items: rows.map((r) => presentMessage(r, asOf)), total, page: q.page, pageSize: q.pageSize };
}
