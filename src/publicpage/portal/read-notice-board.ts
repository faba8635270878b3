import type { Actor } from '../../auth/index.js';
import type { PortalNoticeBoard } from '../../contract/portal.js';
import { findEstate } from '../../directory/index.js';
import { feeScheduleOn } from '../../fees/index.js';
import type { AppContext } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
import { currentAnnouncements, pageAddress, requirePageEstate } from '../page.js';
import { dayIn } from '../rules.js';

/**
 * The portal's notice board (R-PT-1): what the estate's public page shows a resident, read live:
 * the announcements running today, urgent first (R-PB-1), the fee items and rates in force today
 * in the estate's zone (R-FE-1), and the public page's address.
 */
export async function readNoticeBoard(ctx: AppContext, opts: { actor: Actor; estateId: string }): Promise<PortalNoticeBoard> {
  await requirePageEstate(ctx, opts.actor, opts.estateId, 'portal.notice.read');
  const estate = await findEstate(ctx.db, opts.estateId);
  if (!estate) throw notFound('estate');
  const now = ctx.clock.now();
  return {
    announcements: await currentAnnouncements(ctx.db, estate.id, estate.time_zone, now),
    fees: await feeScheduleOn(ctx.db, estate.id, dayIn(estate.time_zone, now)),
    publicPageUrl: pageAddress(estate.code),
  };
}
