import { type Actor, can, forbidden, seesEstate } from '../auth/index.js';
import type { HeadOffice, MonthlyReport } from '../contract/reports.js';
import { allEstateIds } from '../directory/index.js';
import type { AppContext } from '../platform/context.js';
import { notFound } from '../platform/errors.js';
import { reportOf } from './monthly/monthly-report.js';
import { estateOfReport, rate } from './monthly/period.js';

/** All rules' deadlines together: on time ÷ due. */
function overall(rules: readonly { onTime: number; due: number }[]): number | null {
  return rate(
    rules.reduce((n, r) => n + r.onTime, 0),
    rules.reduce((n, r) => n + r.due, 0),
  );
}

/**
 * The head office's comparison: each estate's report of the month side by side (frozen where the
 * month has ended), ranked by the on-time rate of all its deadlines, with twelve months of that
 * rate. The company's admins see every estate; a manager the estates they manage.
 */
export async function headOffice(
  ctx: AppContext,
  opts: { actor: Actor; month: string; asOf?: string | undefined; estateIds?: string | undefined },
): Promise<HeadOffice> {
  const chosen = opts.estateIds ? [...new Set(opts.estateIds.split(','))] : null;
  // An estate the reader does not work for answers as if it did not exist.
  if (chosen?.some((id) => !seesEstate(opts.actor, id))) throw notFound('estate');
  const ids = chosen ?? (opts.actor.allEstates ? await allEstateIds(ctx.db) : opts.actor.estateIds);
  const readable = ids.filter((id) => can(opts.actor, id, 'report.read'));
  if (!readable.length) throw forbidden('report.read', opts.actor.role);
  const reports: MonthlyReport[] = [];
  let currency = '';
  for (const id of readable) {
    const estate = await estateOfReport(ctx, id);
    currency ||= estate.currency;
    reports.push(await reportOf(ctx, estate, opts.month, opts.asOf));
  }
  const rows = reports.map((r) => ({
    estate: { id: r.estate.id, code: r.estate.code, name: r.estate.name },
    rank: 0,
    onTimeRate: overall(r.figures.rules),
    frozenAt: r.frozenAt,
    cases: r.figures.volumes.total,
    rules: r.figures.rules,
    satisfied: r.figures.satisfaction.satisfied,
    notSatisfied: r.figures.satisfaction.notSatisfied,
    collected: r.figures.fees.collected,
    arrears: r.figures.fees.arrears.total,
    trend: r.trend.map((t) => ({ month: t.month, onTimeRate: overall(t.rates) })),
  }));
  rows.sort((a, b) => (b.onTimeRate ?? -1) - (a.onTimeRate ?? -1) || a.estate.code.localeCompare(b.estate.code));
  rows.forEach((r, i) => {
    r.rank = i + 1;
  });
  return { month: opts.month, currency, estates: rows };
}
