import type { z } from 'zod';
import { type Actor, requireAbility } from '../../auth/index.js';
import type { SuggestReceiverQuery } from '../../contract/frontdesk.js';
import { estateSettings } from '../../directory/index.js';
import type { AppContext } from '../../platform/context.js';
import { suggestionFor } from '../visits/suggestion.js';

/** R-WK-2, R-WK-3: who should rise for a visitor now, by seat and presence, and who the purpose routes to. */
export async function suggestReceiverFor(
  ctx: AppContext,
  opts: { actor: Actor; estateId: string; query: z.infer<typeof SuggestReceiverQuery> },
) {
  requireAbility(opts.actor, opts.estateId, 'visit.read');
  return suggestionFor(ctx.db, await estateSettings(ctx.db, opts.estateId), opts.query);
}
