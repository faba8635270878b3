import { type Actor, requireAbility } from '../../auth/index.js';
import type { PbxCall } from '../../contract/telephony.js';
import { estateSettings } from '../../directory/index.js';
import type { AppContext } from '../../platform/context.js';
import { presentPbxCall } from '../present.js';
import { ringingPbxCalls } from '../store/calls.js';
import { extensionsOfStaff } from '../store/extensions.js';

/** How long a call counts as ringing now without a later event: a PBX gives up on a caller well before. */
export const RINGING_FOR_SECONDS = 120;

/**
 * R-PH-5 (screen pop): the calls ringing now at the actor's extensions, or at every extension
 * when they answer none, newest first; the phone desk shows the caller before pick-up.
 */
export async function ringingCalls(ctx: AppContext, opts: { actor: Actor; estateId: string }): Promise<{ items: PbxCall[] }> {
  requireAbility(opts.actor, opts.estateId, 'pbx.read');
  const estate = await estateSettings(ctx.db, opts.estateId);
  const mine = await extensionsOfStaff(ctx.db, estate.id, opts.actor.id);
  const since = new Date(ctx.clock.now().getTime() - RINGING_FOR_SECONDS * 1000).toISOString();
  const rows = await ringingPbxCalls(ctx.db, estate.id, since, mine.length ? mine : null);
  return { items: rows.map((r) => presentPbxCall(r, estate.policy.answerWithinSeconds)) };
}
