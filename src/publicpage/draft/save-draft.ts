import type { z } from 'zod';
import { type Actor, requireAbility } from '../../auth/index.js';
import type { PublicPageDraft, SavePublicPageBody } from '../../contract/publicpage.js';
import { findEstate } from '../../directory/index.js';
import type { AppContext } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
import { runUseCase } from '../../platform/use-case.js';
import { pageAddress } from '../page.js';
import { contentOf } from '../present.js';
import { findDraft, latestVersion, saveDraft, staffNameOf } from '../store.js';

/** R-PB-1: the manager saves the page's texts; nothing the public sees changes until it is published. */
export async function savePublicPageDraft(
  ctx: AppContext,
  opts: { actor: Actor; estateId: string; body: z.infer<typeof SavePublicPageBody> },
): Promise<PublicPageDraft> {
  return runUseCase(
    ctx,
    { actorId: opts.actor.id, authorise: () => requireAbility(opts.actor, opts.estateId, 'publicpage.write') },
    async (uc) => {
      const estate = await findEstate(uc.trx, opts.estateId);
      if (!estate) throw notFound('estate');
      const before = await findDraft(uc.trx, opts.estateId);
      const row = { estate_id: opts.estateId, content: JSON.stringify(opts.body.content), updated_at: uc.at, updated_by: opts.actor.id };
      await saveDraft(uc.trx, row);
      await uc.history({
        estateId: opts.estateId,
        entityType: 'public_page',
        entityId: opts.estateId,
        action: 'draft_saved',
        before: before ? { content: contentOf(before.content) } : null,
        after: { content: opts.body.content },
      });
      const latest = await latestVersion(uc.trx, opts.estateId);
      return {
        estateId: opts.estateId,
        content: opts.body.content,
        updatedAt: uc.at,
        updatedBy: await staffNameOf(uc.trx, opts.actor.id),
        publishedVersion: latest ? Number(latest.number) : null,
        address: pageAddress(estate.code),
      };
    },
  );
}
