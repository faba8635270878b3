import type { AppContext } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
import { estateOfAddress, pageAddress, pageEstate } from '../page.js';
import { presentVersion } from '../present.js';
import { type PageLang, renderPage } from '../render.js';
import { findVersion, staffNameOf } from '../store.js';

/** R-PB-1: one earlier version as it was published, its own policy figures included, with what changed from the one before. */
export async function showPublicPageVersion(ctx: AppContext, opts: { address: string; number: number; lang: PageLang }): Promise<string> {
  const estateId = await estateOfAddress(ctx.db, opts.address);
  const { estate } = await pageEstate(ctx.db, estateId);
  const row = await findVersion(ctx.db, estateId, opts.number);
  if (!row) throw notFound('version');
  const version = presentVersion(row, await staffNameOf(ctx.db, row.published_by));
  const address = pageAddress(estate.key);
  return renderPage({
    estate,
    lang: opts.lang,
    content: version.content,
    policy: version.policy,
    announcements: [],
    version,
    path: `${address}/versions/${version.number}`,
    basePath: address,
  });
}
