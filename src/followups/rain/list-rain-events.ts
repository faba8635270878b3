import type { z } from 'zod';
import { type Actor, requireAbility } from '../../auth/index.js';
import type { ListRainEventsQuery } from '../../contract/followups.js';
import type { AppContext } from '../../platform/context.js';
import { presentRain } from '../present.js';
import { openedByRain } from '../store/follow-ups.js';
import { rainPage } from '../store/rain.js';

/** Rain on record for the estate (R-FU-3), newest first, with how many follow-ups each opened. */
export async function listRainEvents(
  ctx: AppContext,
  opts: { actor: Actor; estateId: string; query: z.infer<typeof ListRainEventsQuery> },
) {
  requireAbility(opts.actor, opts.estateId, 'rain.read');
  const q = opts.query;
  const { rows, total } = await rainPage(ctx.db, {
    estateId: opts.estateId,
    from: q.from ? new Date(q.from).toISOString() : undefined,
    to: q.to ? new Date(q.to).toISOString() : undefined,
    source: q.source,
    page: q.page,
    pageSize: q.pageSize,
  });
  const opened = await openedByRain(
    ctx.db,
    opts.estateId,
    rows.map((r) => r.id),
  );
  return { items: rows.map((r) => presentRain(r, opened.get(r.id) ?? 0)), total, page: q.page, pageSize: q.pageSize };
}
