import { type Actor, requireAbility } from '../../auth/index.js';
import type { PublicPageVersion } from '../../contract/publicpage.js';
import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { runUseCase } from '../../platform/use-case.js';
import { pageEstate } from '../page.js';
import { contentOf, presentVersion } from '../present.js';
import { changesBetween } from '../rules.js';
import { findDraft, insertVersion, latestVersion, staffNameOf } from '../store.js';
import type { PublicPageVersionRow } from '../tables.js';

/**
 * R-PB-1: publishing makes the draft the public page as a new version, numbered in order, with
 * the policy figures in force now and what changed from the version before; earlier versions stay.
 */
export async function publishPublicPage(ctx: AppContext, opts: { actor: Actor; estateId: string }): Promise<PublicPageVersion> {
  return runUseCase(
    ctx,
    {
      actorId: opts.actor.id,
      authorise: () => requireAbility(opts.actor, opts.estateId, 'publicpage.publish'),
      duplicateField: 'number',
    },
    async (uc) => {
      const { policy } = await pageEstate(uc.trx, opts.estateId);
      const latest = await latestVersion(uc.trx, opts.estateId);
      const draft = await findDraft(uc.trx, opts.estateId);
      const content = contentOf(draft?.content ?? latest?.content);
      const previous = latest ? { content: contentOf(latest.content), policy: JSON.parse(latest.policy) } : null;
      const changes = changesBetween(previous, { content, policy });
      if (latest && changes.length === 0)
        throw new AppError('publish.nothing_changed', 'the draft and the policy are as last published', { version: Number(latest.number) });
      const row: PublicPageVersionRow = {
        id: newId(),
        estate_id: opts.estateId,
        number: latest ? Number(latest.number) + 1 : 1,
        published_at: uc.at,
        published_by: opts.actor.id,
        content: JSON.stringify(content),
        policy: JSON.stringify(policy),
        changes: JSON.stringify(changes),
      };
      await insertVersion(uc.trx, row);
      await uc.history({
        estateId: opts.estateId,
        entityType: 'public_page',
        entityId: opts.estateId,
        action: 'published',
        after: { number: row.number, content, policy, changes },
      });
      return presentVersion(row, await staffNameOf(uc.trx, opts.actor.id));
    },
  );
}
