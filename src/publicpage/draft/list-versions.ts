import type { z } from 'zod';
import type { Actor } from '../../auth/index.js';
import type { ListPublicPageVersionsQuery } from '../../contract/publicpage.js';
import type { AppContext } from '../../platform/context.js';
import { requirePageEstate } from '../page.js';
import { presentVersion } from '../present.js';
import { listVersions, staffNameOf } from '../store.js';

/** R-PB-1: every published version, the newest first, each with what changed from the one before. */
export async function listPublicPageVersions(
  ctx: AppContext,
  opts: { actor: Actor; estateId: string; query: z.infer<typeof ListPublicPageVersionsQuery> },
) {
  await requirePageEstate(ctx, opts.actor, opts.estateId, 'publicpage.read');
  const { page, pageSize } = opts.query;
  const { rows, total } = await listVersions(ctx.db, opts.estateId, { page, pageSize });
  const items = [];
  for (const row of rows) items.push(presentVersion(row, await staffNameOf(ctx.db, row.published_by)));
  return { items, total, page, pageSize };
}
