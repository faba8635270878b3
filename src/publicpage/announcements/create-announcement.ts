import type { z } from 'zod';
import { type Actor, requireAbility } from '../../auth/index.js';
import type { Announcement, CreateAnnouncementBody } from '../../contract/publicpage.js';
import { findEstate } from '../../directory/index.js';
import type { AppContext } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { runUseCase } from '../../platform/use-case.js';
import { presentAnnouncement } from '../present.js';
import { insertAnnouncement } from '../store.js';
import type { AnnouncementRow } from '../tables.js';
import { datesInOrder } from './dates.js';

/** R-PB-1: the manager posts an announcement (公告); it shows on the public page from its first day to its last. */
export async function createAnnouncement(
  ctx: AppContext,
  opts: { actor: Actor; estateId: string; body: z.infer<typeof CreateAnnouncementBody> },
): Promise<Announcement> {
  return runUseCase(
    ctx,
    { actorId: opts.actor.id, authorise: () => requireAbility(opts.actor, opts.estateId, 'publicpage.write') },
    async (uc) => {
      if (!(await findEstate(uc.trx, opts.estateId))) throw notFound('estate');
      const b = opts.body;
      datesInOrder(b.fromDate, b.untilDate ?? null);
      const row: AnnouncementRow = {
        id: newId(),
        estate_id: opts.estateId,
        title: b.title,
        body: b.body,
        urgent: b.urgent ? 1 : 0,
        from_date: b.fromDate,
        until_date: b.untilDate ?? null,
        created_at: uc.at,
        updated_at: uc.at,
        deleted_at: null,
      };
      await insertAnnouncement(uc.trx, row);
      await uc.history({ estateId: opts.estateId, entityType: 'announcement', entityId: row.id, action: 'created', after: row });
      return presentAnnouncement(row);
    },
  );
}
