import type { z } from 'zod';
import { type Actor, requireAbility } from '../../auth/index.js';
import type { Announcement, UpdateAnnouncementBody } from '../../contract/publicpage.js';
import type { AppContext } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
import { runUseCase } from '../../platform/use-case.js';
import { presentAnnouncement } from '../present.js';
import { findAnnouncement, updateAnnouncement } from '../store.js';
import type { AnnouncementRow } from '../tables.js';
import { datesInOrder } from './dates.js';

/** R-PB-1: the manager changes an announcement; the history keeps what it said before (R-RD-1). */
export async function changeAnnouncement(
  ctx: AppContext,
  opts: { actor: Actor; announcementId: string; body: z.infer<typeof UpdateAnnouncementBody> },
): Promise<Announcement> {
  return runUseCase(ctx, { actorId: opts.actor.id }, async (uc) => {
    const before = await findAnnouncement(uc.trx, null, opts.announcementId);
    if (!before) throw notFound('announcement');
    requireAbility(opts.actor, before.estate_id, 'publicpage.write', 'announcement');
    const b = opts.body;
    const patch: Partial<AnnouncementRow> = {
      ...(b.title !== undefined && { title: b.title }),
      ...(b.body !== undefined && { body: b.body }),
      ...(b.urgent !== undefined && { urgent: b.urgent ? 1 : 0 }),
      ...(b.fromDate !== undefined && { from_date: b.fromDate }),
      ...(b.untilDate !== undefined && { until_date: b.untilDate }),
      updated_at: uc.at,
    };
    const after: AnnouncementRow = { ...before, ...patch };
    datesInOrder(after.from_date, after.until_date);
    await updateAnnouncement(uc.trx, before.estate_id, before.id, patch);
    await uc.history({ estateId: before.estate_id, entityType: 'announcement', entityId: before.id, action: 'updated', before, after });
    return presentAnnouncement(after);
  });
}
