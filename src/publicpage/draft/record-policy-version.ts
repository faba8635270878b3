import type { DomainEvents } from '../../platform/events.js';
import { newId } from '../../platform/ids.js';
import { historyIn, type Trx } from '../../platform/use-case.js';
import { pageEstate } from '../page.js';
import { contentOf } from '../present.js';
import { changesBetween } from '../rules.js';
import { insertVersion, latestVersion } from '../store.js';

/**
 * R-PB-1 (docs/adr/0011-public-page-versions-follow-the-policy.md): the live page states the
 * policy as it is, so a policy change that alters the times it states is a new version at once,
 * with the published texts unchanged, by whoever changed the policy. Runs in that change's
 * transaction; an estate that never published has no page to version yet.
 */
export async function recordPolicyVersion(trx: Trx, event: DomainEvents['estatePolicyChanged']): Promise<void> {
  const latest = await latestVersion(trx, event.estateId);
  if (!latest) return;
  const { policy } = await pageEstate(trx, event.estateId);
  const content = contentOf(latest.content);
  const changes = changesBetween({ content, policy: JSON.parse(latest.policy) }, { content, policy });
  if (changes.length === 0) return;
  const number = Number(latest.number) + 1;
  await insertVersion(trx, {
    id: newId(),
    estate_id: event.estateId,
    number,
    published_at: event.at,
    published_by: event.actorId,
    content: JSON.stringify(content),
    policy: JSON.stringify(policy),
    changes: JSON.stringify(changes),
  });
  await historyIn(
    trx,
    event.actorId,
    event.at,
  )({
    estateId: event.estateId,
    entityType: 'public_page',
    entityId: event.estateId,
    action: 'published',
    after: { number, policy, changes },
  });
}
