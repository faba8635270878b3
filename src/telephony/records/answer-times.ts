import { DateTime } from 'luxon';
import { type Actor, requireAbility } from '../../auth/index.js';
import type { AnswerTimes } from '../../contract/telephony.js';
import { estateSettings } from '../../directory/index.js';
import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { presentPbxCall } from '../present.js';
import { ringSeconds } from '../rules.js';
import { extensionsOf, pbxCallsRinging } from '../store/records.js';
import { answerFigures } from './answer-groups.js';

const MAX_DAYS = 366;
const LONGEST_WAITS = 20;

const badQuery = (field: 'from' | 'to', message: string) =>
  new AppError('validation.failed', `${field}: ${message}`, { issues: [{ path: `query.${field}`, message }] });

/**
 * R-PH-5 over a period of days in the estate's zone (both ends included): the share of calls
 * answered within the estate's limit (three rings, default 10 s), missed calls and the longest
 * waits, in all and by day (the day a call rang), extension and person; and how many answered
 * calls the desk has not logged (R-PH-4).
 */
export async function answerTimes(
  ctx: AppContext,
  opts: { actor: Actor; estateId: string; from: string; to: string },
): Promise<AnswerTimes> {
  requireAbility(opts.actor, opts.estateId, 'pbx.read');
  const estate = await estateSettings(ctx.db, opts.estateId);
  const zone = estate.timeZone;
  const first = DateTime.fromISO(opts.from, { zone });
  const last = DateTime.fromISO(opts.to, { zone });
  if (!first.isValid) throw badQuery('from', 'not a day');
  if (!last.isValid) throw badQuery('to', 'not a day');
  if (last < first) throw badQuery('to', 'before from');
  const days = Math.round(last.diff(first, 'days').days) + 1;
  if (days > MAX_DAYS) throw badQuery('to', `at most ${MAX_DAYS} days from from`);
  const limit = estate.policy.answerWithinSeconds;
  const calls = await pbxCallsRinging(ctx.db, estate.id, first.toUTC().toISO() as string, last.plus({ days: 1 }).toUTC().toISO() as string);
  const labels = new Map((await extensionsOf(ctx.db, estate.id)).map((x) => [x.extension, x.label]));

  const group = <K extends string>(keyOf: (c: (typeof calls)[number]) => K, keys: readonly K[] = []) => {
    const by = new Map<K, typeof calls>(keys.map((k) => [k, []]));
    for (const c of calls) {
      const k = keyOf(c);
      const list = by.get(k);
      if (list) list.push(c);
      else by.set(k, [c]);
    }
    return [...by];
  };
  const figures = (list: typeof calls) => {
    const { notLogged: _, ...f } = answerFigures(list, limit);
    return f;
  };
  const dayKeys = Array.from({ length: days }, (_, i) => first.plus({ days: i }).toFormat('yyyy-MM-dd'));
  const dayOf = (c: (typeof calls)[number]) => DateTime.fromISO(c.ringing_at, { zone }).toFormat('yyyy-MM-dd');
  const answered = calls.filter((c) => c.answered_at !== null);
  return {
    from: opts.from,
    to: opts.to,
    limitSeconds: limit,
    total: { key: 'total', label: 'total', ...figures(calls) },
    byDay: group(dayOf, dayKeys).map(([key, list]) => ({ key, label: key, ...figures(list) })),
    byExtension: group((c) => c.extension)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([key, list]) => ({ key, label: labels.get(key) ?? key, ...figures(list) })),
    byPerson: group((c) => c.staff_id ?? '-')
      .map(([key, list]) => ({ key, label: list[0]?.staff_name ?? '-', ...figures(list) }))
      .sort((a, b) => a.label.localeCompare(b.label)),
    longestWaits: [...answered]
      .sort((a, b) => (ringSeconds(b) ?? 0) - (ringSeconds(a) ?? 0) || a.ringing_at.localeCompare(b.ringing_at))
      .slice(0, LONGEST_WAITS)
      .map((c) => presentPbxCall(c, limit)),
    notLogged: answered.filter((c) => !c.call_log_id).length,
  };
}
