import type { Actor } from '../../auth/index.js';
import type { AppContext } from '../../platform/context.js';
import { followUpFor, presentFollowUps } from './load.js';

export async function getFollowUp(ctx: AppContext, opts: { actor: Actor; followUpId: string; asOf?: Date }) {
  const row = await followUpFor(ctx.db, opts.actor, opts.followUpId, 'followup.read');
  const [item] = await presentFollowUps(ctx.db, [row], opts.asOf ?? ctx.clock.now());
  return item as NonNullable<typeof item>;
}
