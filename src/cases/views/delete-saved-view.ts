import { type Actor, seesEstate } from '../../auth/index.js';
import type { AppContext } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
import { runUseCase } from '../../platform/use-case.js';
import { deleteOwnSavedView, ownSavedViewEstate } from './saved-views.store.js';

/**
 * Deleting concerns only the person's own view (`self`, like their notices): anyone else's, or
 * one of an estate they no longer work for, answers 404 like a missing one.
 */
export async function deleteSavedView(ctx: AppContext, opts: { actor: Actor; viewId: string }): Promise<void> {
  await runUseCase(ctx, { actorId: opts.actor.id }, async (uc) => {
    const estateId = await ownSavedViewEstate(uc.trx, opts.actor.id, opts.viewId);
    if (!estateId || !seesEstate(opts.actor, estateId)) throw notFound('saved view');
    if (!(await deleteOwnSavedView(uc.trx, estateId, opts.actor.id, opts.viewId))) throw notFound('saved view');
  });
}
