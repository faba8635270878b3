import { type Actor, requireAbility } from '../../auth/index.js';
import type { AppContext } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
import { presentEstate } from '../present.js';
import { findEstate } from '../store.js';

export async function getEstate(ctx: AppContext, opts: { actor: Actor; estateId: string }) {
  requireAbility(opts.actor, opts.estateId, 'estate.read');
  const row = await findEstate(ctx.db, opts.estateId);
  if (!row) throw notFound('estate');
  return presentEstate(row);
}
