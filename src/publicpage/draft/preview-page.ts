import type { Actor } from '../../auth/index.js';
import type { AppContext } from '../../platform/context.js';
import { currentAnnouncements, feeScheduleSection, pageAddress, pageEstate, requirePageEstate } from '../page.js';
import { contentOf } from '../present.js';
import { type PageLang, renderPage } from '../render.js';
import { findDraft, latestVersion } from '../store.js';

/** R-PB-1: the draft as the public page will show it once published: the same HTML, marked as a preview. */
export async function previewPublicPage(
  ctx: AppContext,
  opts: { actor: Actor; estateId: string; lang: PageLang },
): Promise<{ html: string }> {
  await requirePageEstate(ctx, opts.actor, opts.estateId, 'publicpage.read');
  const { estate, policy } = await pageEstate(ctx.db, opts.estateId);
  const draft = await findDraft(ctx.db, opts.estateId);
  const content = contentOf(draft?.content ?? (await latestVersion(ctx.db, opts.estateId))?.content);
  const address = pageAddress(estate.key);
  const html = renderPage({
    estate,
    lang: opts.lang,
    content,
    policy,
    announcements: await currentAnnouncements(ctx.db, opts.estateId, estate.timeZone, ctx.clock.now()),
    sections: [await feeScheduleSection(ctx.db, opts.estateId, estate.timeZone, ctx.clock.now(), opts.lang)],
    preview: true,
    path: address,
    basePath: address,
  });
  return { html };
}
