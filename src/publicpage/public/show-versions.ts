import type { AppContext } from '../../platform/context.js';
import { estateOfAddress, pageAddress, pageEstate } from '../page.js';
import { presentVersion } from '../present.js';
import { type PageLang, renderVersionList } from '../render.js';
import { listVersions, staffNameOf } from '../store.js';

/** R-PB-1: earlier versions stay visible as history: every version, the newest first, with what changed. */
export async function showPublicPageVersions(ctx: AppContext, opts: { address: string; lang: PageLang }): Promise<string> {
  const estateId = await estateOfAddress(ctx.db, opts.address);
  const { estate } = await pageEstate(ctx.db, estateId);
  const { rows } = await listVersions(ctx.db, estateId, { page: 1, pageSize: 500 });
  const versions = [];
  for (const row of rows) versions.push(presentVersion(row, await staffNameOf(ctx.db, row.published_by)));
  return renderVersionList({ estate, lang: opts.lang, basePath: pageAddress(estate.key), versions });
}
