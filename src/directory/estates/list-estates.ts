import type { Actor } from '../../auth/index.js';
import type { AppContext } from '../../platform/context.js';
import { pageOfEstates } from '../estates.store.js';
import { presentEstate } from '../present.js';
import type { Paging } from '../store.js';

/** The estates the person works for (an admin: all of them), by name. */
export async function listEstates(ctx: AppContext, opts: { actor: Actor } & Paging) {
  const { rows, total } = await pageOfEstates(ctx.db, opts.actor.allEstates ? 'all' : opts.actor.estateIds, opts);
  return { items: rows.map(presentEstate), total, page: opts.page, pageSize: opts.pageSize };
}
