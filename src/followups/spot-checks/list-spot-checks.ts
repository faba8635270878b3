import type { z } from 'zod';
import { type Actor, requireAbility } from '../../auth/index.js';
import type { ListSpotChecksQuery } from '../../contract/followups.js';
import type { AppContext } from '../../platform/context.js';
import { spotCheckPage } from '../store/spot-checks.js';
import { presentSpotCheckById } from './load.js';

/** Monthly spot checks of follow-ups (R-FU-5), newest month first. */
export async function listSpotChecks(
  ctx: AppContext,
  opts: { actor: Actor; estateId: string; query: z.infer<typeof ListSpotChecksQuery> },
) {
  requireAbility(opts.actor, opts.estateId, 'spotcheck.read');
  const q = opts.query;
  const { ids, total } = await spotCheckPage(ctx.db, { estateId: opts.estateId, year: q.year, page: q.page, pageSize: q.pageSize });
  const asOf = ctx.clock.now();
  const items = [];
  for (const id of ids) items.push(await presentSpotCheckById(ctx.db, id, asOf));
  return { items, total, page: q.page, pageSize: q.pageSize };
}
