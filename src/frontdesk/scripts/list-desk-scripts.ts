import { type Actor, requireAbility } from '../../auth/index.js';
import type { AppContext } from '../../platform/context.js';
import { deskScripts } from './desk-scripts.js';

/** R-PH-2: the situation scripts in each language, the estate's wording or the plan's. */
export async function listDeskScripts(ctx: AppContext, opts: { actor: Actor; estateId: string }) {
  requireAbility(opts.actor, opts.estateId, 'desk.script.read');
  return deskScripts(ctx.db, opts.estateId);
}
