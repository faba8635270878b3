import type { z } from 'zod';
import { type Actor, requireAbility } from '../../auth/index.js';
import type { UpdateDeskScriptBody } from '../../contract/frontdesk.js';
import type { AppContext } from '../../platform/context.js';
import { runUseCase } from '../../platform/use-case.js';
import type { Situation } from '../rules.js';
import { replaceScript } from '../store/desk-scripts.js';
import { deskScripts } from './desk-scripts.js';

/** R-PH-2: the manager rewords a situation script for the estate; no text restores the plan's. */
export async function updateDeskScript(
  ctx: AppContext,
  opts: { actor: Actor; estateId: string; situation: Situation; body: z.infer<typeof UpdateDeskScriptBody> },
) {
  const { locale, text } = opts.body;
  return runUseCase(
    ctx,
    { actorId: opts.actor.id, authorise: () => requireAbility(opts.actor, opts.estateId, 'desk.script.write') },
    async (uc) => {
      await replaceScript(uc.trx, { estateId: opts.estateId, situation: opts.situation, locale, text, at: uc.at, by: opts.actor.id });
      await uc.history({
        estateId: opts.estateId,
        entityType: 'desk_script',
        entityId: `${opts.situation}:${locale}`,
        action: 'updated',
        before: null,
        after: { text },
      });
      return deskScripts(uc.trx, opts.estateId);
    },
  );
}
