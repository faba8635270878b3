import type { Actor } from '../../auth/index.js';
import type { FeeSummary } from '../../contract/fees.js';
import { estateSettings } from '../../directory/index.js';
import type { AppContext } from '../../platform/context.js';
import { bookingsOfDate } from '../days.store.js';
import { requireEstateRecord } from '../items/access.js';
import { dayIn, takingsByMethod } from '../rules.js';
import { arrearsOf } from './arrears-of.js';

/** R-FE-3, R-FE-4: the dashboard's fee figures: a day's takings by method and the arrears by age band. */
export async function feeSummary(
  ctx: AppContext,
  opts: { actor: Actor; estateId: string; date?: string | undefined },
): Promise<FeeSummary> {
  await requireEstateRecord(ctx, opts.actor, opts.estateId, 'fee.account.read');
  const estate = await estateSettings(ctx.db, opts.estateId);
  const date = opts.date ?? dayIn(ctx.clock.now(), estate.timeZone);
  const bookings = await bookingsOfDate(ctx.db, opts.estateId, date);
  const byMethod = takingsByMethod(bookings.receipts, bookings.voids);
  const arrears = await arrearsOf(ctx.db, opts.estateId, date);
  return {
    date,
    currency: estate.policy.currency,
    takings: Object.values(byMethod).reduce((s, n) => s + n, 0),
    takingsByMethod: byMethod,
    receipts: bookings.receipts.length,
    arrears: arrears.total,
    arrearsByBand: arrears.bands,
    unitsInArrears: arrears.items.length,
  };
}
