import { type Actor, requireAbility } from '../../auth/index.js';
import type { AppContext } from '../../platform/context.js';
import { savedViewsOf } from './saved-views.store.js';

/** Saved views are each person's own: nobody lists anyone else's. */
export async function listSavedViews(ctx: AppContext, opts: { actor: Actor; estateId: string }) {
  requireAbility(opts.actor, opts.estateId, 'view.manage');
  const rows = await savedViewsOf(ctx.db, opts.estateId, opts.actor.id);
  return {
    items: rows.map((r) => ({ id: r.id, name: r.name, query: JSON.parse(r.query) as Record<string, string>, createdAt: r.created_at })),
  };
}
