import type { z } from 'zod';
import { type Actor, can, requireAbility } from '../../auth/index.js';
import type { UnitLookupQuery } from '../../contract/directory.js';
import type { AppContext } from '../../platform/context.js';
import { unitMatches } from './unit-matches.js';

/**
 * A unit (or the person) from what the desk types, the same on every screen that asks for a
 * unit. Units are no secret to anyone in the estate; residents, their phones and finding them
 * by phone or name are the office's.
 */
export async function lookupUnits(ctx: AppContext, opts: { actor: Actor; estateId: string; query: z.infer<typeof UnitLookupQuery> }) {
  requireAbility(opts.actor, opts.estateId, 'unit.read');
  const withResidents = can(opts.actor, opts.estateId, 'resident.read');
  const items = await unitMatches(ctx.db, opts.estateId, { q: opts.query.q, withResidents, limit: opts.query.limit });
  return { items };
}
