import { type Actor, requireAbility } from '../../auth/index.js';
import type { AppContext } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
import { runUseCase } from '../../platform/use-case.js';
import { findAnnouncement, updateAnnouncement } from '../store.js';

/** R-PB-1: the manager withdraws (deletes) an announcement: it leaves the page and the lists but is kept, with its history (R-RD-1). */
export async function withdrawAnnouncement(ctx: AppContext, opts: { actor: Actor; announcementId: string }): Promise<{ ok: true }> {
  return runUseCase(ctx, { actorId: opts.actor.id }, async (uc) => {
    const before = await findAnnouncement(uc.trx, null, opts.announcementId);
    if (!before) throw notFound('announcement');
    requireAbility(opts.actor, before.estate_id, 'publicpage.write', 'announcement');
    await updateAnnouncement(uc.trx, before.estate_id, before.id, { deleted_at: uc.at, updated_at: uc.at });
    await uc.history({ estateId: before.estate_id, entityType: 'announcement', entityId: before.id, action: 'withdrawn', before });
    return { ok: true as const };
  });
}
