import { DateTime } from 'luxon';
import { type Actor, requireAbility } from '../../auth/index.js';
import { estateSettings } from '../../directory/index.js';
import type { AppContext } from '../../platform/context.js';
import type { PeriodRange } from '../../platform/period-pages.js';

/** The days from `from` 00:00 to the end of `to` in the zone, as instants: [from, to). */
export function periodRange(from: string, to: string, timeZone: string): PeriodRange {
  const start = DateTime.fromISO(from, { zone: timeZone }).startOf('day');
  const end = DateTime.fromISO(to, { zone: timeZone }).startOf('day').plus({ days: 1 });
  return { from: new Date(start.toMillis()).toISOString(), to: new Date(end.toMillis()).toISOString() };
}

/** The exporter's ability in the estate, the estate (404 when missing) and the period in its zone. */
export async function exportablePeriod(ctx: AppContext, opts: { actor: Actor; estateId: string; from: string; to: string }) {
  requireAbility(opts.actor, opts.estateId, 'report.export');
  const estate = await estateSettings(ctx.db, opts.estateId);
  return { estate, range: periodRange(opts.from, opts.to, estate.timeZone) };
}
