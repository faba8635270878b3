import { type Actor, requireAbility } from '../../auth/index.js';
import type { AppContext } from '../../platform/context.js';
import { estateHistory } from '../../platform/history.js';
import { staffNames } from '../lookups.store.js';
import type { Paging } from '../store.js';

/** R-RD-1: the estate's append-only change history, newest first, with who made each change. */
export async function listHistory(
  ctx: AppContext,
  opts: { actor: Actor; estateId: string; entityType?: string | undefined; entityId?: string | undefined } & Paging,
) {
  requireAbility(opts.actor, opts.estateId, 'history.read');
  const { rows, total } = await estateHistory(ctx.db, opts);
  const names = await staffNames(ctx.db, [...new Set(rows.flatMap((r) => (r.actor_id ? [r.actor_id] : [])))]);
  return {
    items: rows.map((r) => ({
      id: r.id,
      seq: Number(r.seq),
      at: r.at,
      actorId: r.actor_id,
      actorName: (r.actor_id && names.get(r.actor_id)) ?? null,
      entityType: r.entity_type,
      entityId: r.entity_id,
      action: r.action,
      before: r.before ? JSON.parse(r.before) : null,
      after: r.after ? JSON.parse(r.after) : null,
    })),
    total,
    page: opts.page,
    pageSize: opts.pageSize,
  };
}
