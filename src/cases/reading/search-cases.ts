import { type Actor, requireAbility } from '../../auth/index.js';
import type { AppContext } from '../../platform/context.js';
import { queryCases } from './query-cases.js';

/** Full-text search over the estate's cases, newest first; an empty query finds nothing. */
export async function searchCases(
  ctx: AppContext,
  opts: { actor: Actor; estateId: string; q: string; page: number; pageSize: number; asOf?: string | undefined },
) {
  requireAbility(opts.actor, opts.estateId, 'case.read.own');
  if (!opts.q.trim()) return { items: [], total: 0, page: opts.page, pageSize: opts.pageSize };
  return queryCases(ctx, {
    actor: opts.actor,
    estateId: opts.estateId,
    query: { q: opts.q, page: opts.page, pageSize: opts.pageSize, sort: '-recordedAt', asOf: opts.asOf },
  });
}
