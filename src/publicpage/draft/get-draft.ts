import type { Actor } from '../../auth/index.js';
import type { PublicPageDraft } from '../../contract/publicpage.js';
import { findEstate } from '../../directory/index.js';
import type { AppContext } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
import { pageAddress, requirePageEstate } from '../page.js';
import { contentOf } from '../present.js';
import { findDraft, latestVersion, staffNameOf } from '../store.js';

/** R-PB-1: the page as the office is editing it: the saved draft, else what was last published. */
export async function getPublicPageDraft(ctx: AppContext, opts: { actor: Actor; estateId: string }): Promise<PublicPageDraft> {
  await requirePageEstate(ctx, opts.actor, opts.estateId, 'publicpage.read');
  const estate = await findEstate(ctx.db, opts.estateId);
  if (!estate) throw notFound('estate');
  const draft = await findDraft(ctx.db, opts.estateId);
  const latest = await latestVersion(ctx.db, opts.estateId);
  return {
    estateId: opts.estateId,
    content: contentOf(draft?.content ?? latest?.content),
    updatedAt: draft ? new Date(draft.updated_at).toISOString() : null,
    updatedBy: draft ? await staffNameOf(ctx.db, draft.updated_by) : null,
    publishedVersion: latest ? Number(latest.number) : null,
    address: pageAddress(estate.code),
  };
}
