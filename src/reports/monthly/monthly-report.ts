import { type Actor, requireAbility } from '../../auth/index.js';
import { countCasesOccurred } from '../../cases/index.js';
import type { Correction, MonthlyFigures, MonthlyReport } from '../../contract/reports.js';
import type { AppContext } from '../../platform/context.js';
import { insertSnapshot, snapshotsOf } from '../snapshots.store.js';
import { monthlyFigures, ruleCompliance } from './figures.js';
import { type EstateOfReport, estateOfReport, monthBefore, type Period, periodOf, twelveMonthsTo } from './period.js';

/**
 * The monthly service report of an estate (issue: every promise's compliance). A month that is
 * still running is counted live, as of `asOf` (default now). A month that has ended is frozen the
 * first time it is read without `asOf`: its figures are kept as they stood then and never move;
 * records that arrive or change later show as corrections in the next month's report.
 */
export async function monthlyReport(
  ctx: AppContext,
  opts: { actor: Actor; estateId: string; month: string; asOf?: string | undefined },
): Promise<MonthlyReport> {
  requireAbility(opts.actor, opts.estateId, 'report.read');
  const estate = await estateOfReport(ctx, opts.estateId);
  return reportOf(ctx, estate, opts.month, opts.asOf);
}

/** The report of a month: the frozen one when the month has ended, else counted now (or at `asOf`). */
export async function reportOf(ctx: AppContext, estate: EstateOfReport, month: string, asOf?: string): Promise<MonthlyReport> {
  const period = periodOf(month, estate.timeZone);
  const now = ctx.clock.now().toISOString();
  if (asOf !== undefined || now < period.end) return countReport(ctx, estate, period, asOf ?? now, null);
  const frozen = await frozenReport(ctx, estate.id, month);
  if (frozen) return frozen;
  const report = await countReport(ctx, estate, period, now, now);
  await insertSnapshot(ctx.db, { estate_id: estate.id, month, frozen_at: now, as_of: now, body: JSON.stringify(report) });
  // Two readers may freeze a month at once: the first one's figures are the ones kept.
  return (await frozenReport(ctx, estate.id, month)) ?? report;
}

async function frozenReport(ctx: AppContext, estateId: string, month: string): Promise<MonthlyReport | null> {
  const [row] = await snapshotsOf(ctx.db, estateId, [month]);
  return row ? (JSON.parse(row.body) as MonthlyReport) : null;
}

async function countReport(
  ctx: AppContext,
  estate: EstateOfReport,
  period: Period,
  asOf: string,
  frozenAt: string | null,
): Promise<MonthlyReport> {
  const figures = await monthlyFigures(ctx, estate, period, asOf);
  return {
    estate: { id: estate.id, code: estate.code, name: estate.name, timeZone: estate.timeZone },
    month: period.month,
    period: { start: period.start, end: period.end },
    asOf,
    frozenAt,
    figures,
    corrections: await correctionsOf(ctx, estate, monthBefore(period.month, 1)),
    trend: await trendTo(ctx, estate, period.month, asOf, figures),
  };
}

/**
 * The previous month's frozen figures that read differently now, each counted again as of the
 * same instant it was frozen at: only records that arrived or changed since make a difference.
 */
async function correctionsOf(ctx: AppContext, estate: EstateOfReport, month: string): Promise<Correction[]> {
  const [snap] = await snapshotsOf(ctx.db, estate.id, [month]);
  if (!snap) return [];
  const frozen = (JSON.parse(snap.body) as MonthlyReport).figures;
  const now = await monthlyFigures(ctx, estate, periodOf(month, estate.timeZone), snap.as_of);
  const before = flatFigures(frozen);
  const after = flatFigures(now);
  const out: Correction[] = [];
  for (const [figure, value] of after) {
    const was = before.get(figure) ?? 0;
    if (was !== value) out.push({ month, figure, frozen: was, now: value });
  }
  return out;
}

/** Every number of the figures by a dotted name (`volumes.byKind.repair`, `rules.R-CP-1.onTime`). */
export function flatFigures(figures: MonthlyFigures): Map<string, number> {
  const out = new Map<string, number>();
  const walk = (value: unknown, path: string) => {
    if (typeof value === 'number') out.set(path, value);
    else if (Array.isArray(value))
      for (const item of value) {
        const o = item as Record<string, unknown>;
        const name = String(o.key ?? o.rule ?? o.band ?? '');
        for (const [k, v] of Object.entries(o))
          if (!['key', 'rule', 'band'].includes(k)) walk(v, `${path}.${name}${k === 'count' || k === 'amount' ? '' : `.${k}`}`);
      }
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, path ? `${path}.${k}` : k);
  };
  walk(figures, '');
  return out;
}

/** The twelve months to this one: each rule's on-time rate and the cases, frozen where the month was frozen. */
async function trendTo(ctx: AppContext, estate: EstateOfReport, month: string, asOf: string, current: MonthlyFigures) {
  const months = twelveMonthsTo(month);
  const frozen = new Map(
    (await snapshotsOf(ctx.db, estate.id, months)).map((s) => [s.month, (JSON.parse(s.body) as MonthlyReport).figures]),
  );
  const out: MonthlyReport['trend'] = [];
  for (const m of months) {
    const figures = m === month ? current : frozen.get(m);
    const period = periodOf(m, estate.timeZone);
    const rules = figures?.rules ?? (await ruleCompliance(ctx, estate.id, period, asOf));
    const cases = figures?.volumes.total ?? (await countCasesOccurred(ctx.db, { estateId: estate.id, from: period.start, to: period.end }));
    out.push({ month: m, cases, rates: rules.map((r) => ({ rule: r.rule, onTimeRate: r.onTimeRate, due: r.due, onTime: r.onTime })) });
  }
  return out;
}
