import { DateTime } from 'luxon';
import { type Actor, requireAbility } from '../../auth/index.js';
import { estateSettings } from '../../directory/index.js';
import { countArrivals, countCalls, countOpenMessages, countWaiting, receptionsSince } from '../../frontdesk/index.js';
import type { AppContext } from '../../platform/context.js';
import { phoneFigures } from '../../telephony/index.js';

/** For the dashboard: calls and visits today, the phone's answer times today (R-PH-5), messages waiting, call-backs due within the hour and overdue, waits at the counter. */
export async function frontDeskSummary(ctx: AppContext, opts: { actor: Actor; estateId: string; asOf?: string | undefined }) {
  requireAbility(opts.actor, opts.estateId, 'desk.summary');
  const estate = await estateSettings(ctx.db, opts.estateId);
  const asOf = opts.asOf ? new Date(opts.asOf) : ctx.clock.now();
  const asOfIso = asOf.toISOString();
  const dayStart = DateTime.fromJSDate(asOf, { zone: estate.timeZone }).startOf('day').toUTC().toISO() ?? '';
  const callsToday = await countCalls(ctx.db, estate.id, dayStart, asOfIso);
  const visitsToday = await countArrivals(ctx.db, estate.id, dayStart, asOfIso);
  const messages = await countOpenMessages(ctx.db, estate.id, asOfIso, new Date(asOf.getTime() + 3_600_000).toISOString());
  const waitingNow = await countWaiting(ctx.db, estate.id);
  const received = await receptionsSince(ctx.db, estate.id, dayStart);
  const phone = await phoneFigures(ctx.db, { estateId: estate.id, from: dayStart, to: asOfIso });
  const waits = received.map((r) => Math.round((Date.parse(r.received_at as string) - Date.parse(r.arrived_at)) / 1000));
  return {
    asOf: asOfIso,
    callsToday,
    visitsToday,
    messagesWaiting: messages.waiting,
    callbacksDue: messages.dueSoon,
    callbacksOverdue: messages.overdue,
    waitingNow,
    averageWaitSeconds: waits.length ? Math.round(waits.reduce((a, b) => a + b, 0) / waits.length) : null,
    longestWaitSeconds: waits.length ? Math.max(...waits) : null,
    phone: {
      calls: phone.calls,
      answeredInTime: phone.answeredInTime,
      missed: phone.missed,
      inTimeRate: phone.inTimeRate,
      longestRingSeconds: phone.longestRingSeconds,
    },
  };
}
