import { type Actor, requireAbility } from '../../auth/index.js';
import type { AppContext } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
import { spotCheckEstate } from '../store/spot-checks.js';
import { presentSpotCheckById } from './load.js';

export async function getSpotCheck(ctx: AppContext, opts: { actor: Actor; spotCheckId: string }) {
  const estateId = await spotCheckEstate(ctx.db, opts.spotCheckId);
  if (!estateId) throw notFound('spot check');
  requireAbility(opts.actor, estateId, 'spotcheck.read', 'spot check');
  return presentSpotCheckById(ctx.db, opts.spotCheckId, ctx.clock.now());
}
