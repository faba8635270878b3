import type { z } from 'zod';
import type { Actor } from '../../auth/index.js';
import type { ListAnnouncementsQuery } from '../../contract/publicpage.js';
import { estateSettings } from '../../directory/index.js';
import type { AppContext } from '../../platform/context.js';
import { requirePageEstate } from '../page.js';
import { presentAnnouncement } from '../present.js';
import { dayIn } from '../rules.js';
import { listAnnouncements } from '../store.js';

/** R-PB-1: the estate's announcements, urgent ones first, filtered by words, urgency and whether they run today. */
export async function listEstateAnnouncements(
  ctx: AppContext,
  opts: { actor: Actor; estateId: string; query: z.infer<typeof ListAnnouncementsQuery> },
) {
  await requirePageEstate(ctx, opts.actor, opts.estateId, 'publicpage.read');
  const { q, state, urgent, page, pageSize } = opts.query;
  const { timeZone } = await estateSettings(ctx.db, opts.estateId);
  const { rows, total } = await listAnnouncements(
    ctx.db,
    opts.estateId,
    { q, state, urgent: urgent === undefined ? undefined : urgent === 'true', today: dayIn(timeZone, ctx.clock.now()) },
    { page, pageSize },
  );
  return { items: rows.map(presentAnnouncement), total, page, pageSize };
}
