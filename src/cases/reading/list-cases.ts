import type { z } from 'zod';
import { type Actor, requireAbility } from '../../auth/index.js';
import type { ListCasesQuery } from '../../contract/cases.js';
import type { AppContext } from '../../platform/context.js';
import { queryCases } from './query-cases.js';

/**
 * The estate's cases. Everyone working there may list (`case.read.own`); someone without
 * `case.read` (maintenance staff) gets only their own cases: the repairs they hold and the cases
 * assigned to them.
 */
export async function listCases(ctx: AppContext, opts: { actor: Actor; estateId: string; query: z.infer<typeof ListCasesQuery> }) {
  requireAbility(opts.actor, opts.estateId, 'case.read.own');
  return queryCases(ctx, opts);
}
