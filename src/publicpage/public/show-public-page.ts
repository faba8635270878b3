import type { AppContext } from '../../platform/context.js';
import { currentAnnouncements, estateOfAddress, feeScheduleSection, pageAddress, pageEstate } from '../page.js';
import { contentOf } from '../present.js';
import { type PageLang, renderPage } from '../render.js';
import { latestVersion } from '../store.js';

/**
 * R-PB-1: the public page, for anyone, no sign-in: the texts last published, the reply and
 * follow-up times of the policy in force now (never a copy that could disagree), and the
 * announcements running today, and the fee items and rates in force today.
 */
export async function showPublicPage(ctx: AppContext, opts: { address: string; lang: PageLang }): Promise<string> {
  const estateId = await estateOfAddress(ctx.db, opts.address);
  const { estate, policy } = await pageEstate(ctx.db, estateId);
  const latest = await latestVersion(ctx.db, estateId);
  const address = pageAddress(estate.key);
  return renderPage({
    estate,
    lang: opts.lang,
    content: latest ? contentOf(latest.content) : null,
    policy,
    announcements: await currentAnnouncements(ctx.db, estateId, estate.timeZone, ctx.clock.now()),
    sections: [await feeScheduleSection(ctx.db, estateId, estate.timeZone, ctx.clock.now(), opts.lang)],
    path: address,
    basePath: address,
  });
}
