import type { z } from 'zod';
import { type Actor, requireAbility } from '../../auth/index.js';
import type { CreateSavedViewBody } from '../../contract/cases.js';
import type { AppContext } from '../../platform/context.js';
import { newId } from '../../platform/ids.js';
import { runUseCase } from '../../platform/use-case.js';
import { insertSavedView } from './saved-views.store.js';

/** Saves a filter of the case list under a name, for the person alone; a preference, so it leaves no history. */
export async function createSavedView(
  ctx: AppContext,
  opts: { actor: Actor; estateId: string; body: z.infer<typeof CreateSavedViewBody> },
) {
  const authorise = () => requireAbility(opts.actor, opts.estateId, 'view.manage');
  return runUseCase(ctx, { actorId: opts.actor.id, authorise }, async (uc) => {
    const row = {
      id: newId(),
      estate_id: opts.estateId,
      staff_id: opts.actor.id,
      name: opts.body.name,
      query: JSON.stringify(opts.body.query),
      created_at: uc.at,
    };
    await insertSavedView(uc.trx, row);
    return { id: row.id, name: row.name, query: opts.body.query, createdAt: row.created_at };
  });
}
