import { caseVolumeRows, complaintClosureRows } from '../../cases/index.js';
import { CaseKind, RepairClass } from '../../contract/common.js';
import { type MonthlyFigures, REPORTED_RULES, type RuleCompliance } from '../../contract/reports.js';
import { arrearsOf, feeTakings } from '../../fees/index.js';
import { followUpResultRows, noticeAcknowledgements, spotCheckVerdictRows } from '../../followups/index.js';
import { deskCounts, visitWaits } from '../../frontdesk/index.js';
import type { AppContext } from '../../platform/context.js';
import { deadlineCountsByRule } from '../../platform/obligations/index.js';
import { phoneFigures } from '../../telephony/index.js';
import { dayOf, type EstateOfReport, median, type Period, rate } from './period.js';

const CHANNELS = ['counter', 'phone', 'hotline', 'portal'] as const;
const RESULTS = ['ok', 'problem', 'unreachable'] as const;
const HOUR = 3_600_000;
const MINUTE = 60_000;

/** Each reported rule's deadlines due in the period, where they stood at `asOf` (R-CP-1 … R-FU-5). */
export async function ruleCompliance(ctx: AppContext, estateId: string, period: Period, asOf: string): Promise<RuleCompliance[]> {
  const counts = await deadlineCountsByRule(ctx.db, { estateId, from: period.start, to: period.end, asOf }, REPORTED_RULES);
  return counts.map((c) => ({ ...c, rule: c.rule as RuleCompliance['rule'], onTimeRate: rate(c.onTime, c.due) }));
}

/** Counted by a key, in the order of `keys`, then any other key the rows hold. */
function countedBy<T>(rows: readonly T[], keyOf: (r: T) => string | null, countOf: (r: T) => number, keys: readonly string[]) {
  const totals = new Map<string, number>(keys.map((k) => [k, 0]));
  for (const r of rows) {
    const key = keyOf(r);
    if (key === null) continue;
    totals.set(key, (totals.get(key) ?? 0) + countOf(r));
  }
  return [...totals].map(([key, count]) => ({ key, count }));
}

/**
 * The month's figures as they stand at `asOf`: every number counted from the records of the
 * estate in the period (the estate's own time zone), by the same predicates the records of each
 * figure are listed with (`figure-records.ts`).
 */
export async function monthlyFigures(ctx: AppContext, estate: EstateOfReport, period: Period, asOf: string): Promise<MonthlyFigures> {
  const p = { estateId: estate.id, from: period.start, to: period.end };
  const volumes = await caseVolumeRows(ctx.db, p);
  const closures = await complaintClosureRows(ctx.db, p);
  const visits = await followUpResultRows(ctx.db, p);
  const spot = await spotCheckVerdictRows(ctx.db, estate.id, period.month);
  const notices = await noticeAcknowledgements(ctx.db, p);
  const desk = await deskCounts(ctx.db, p);
  const waits = await visitWaits(ctx.db, p);
  const phone = await phoneFigures(ctx.db, p);
  const fees = await feeFigures(ctx, estate, period, asOf);

  const closedBy = (s: string | null) => closures.filter((c) => c.satisfaction === s).reduce((n, c) => n + c.count, 0);
  const scored = visits.reduce((n, v) => n + v.scored, 0);
  const verdict = (v: string | null) => spot.verdicts.filter((r) => r.verdict === v).reduce((n, r) => n + r.count, 0);
  const acked = notices.filter((n) => n.acknowledged_at !== null && n.acknowledged_at <= asOf);
  const ackHours = acked.map((n) => (Date.parse(n.acknowledged_at as string) - Date.parse(n.issued_at)) / HOUR);
  const asOfMs = Date.parse(asOf);
  const received = waits.filter((v) => v.received_at !== null && v.received_at <= asOf);
  const waitMinutes = received.map((v) => (Date.parse(v.received_at as string) - Date.parse(v.arrived_at)) / MINUTE);
  return {
    volumes: {
      total: volumes.reduce((n, v) => n + v.count, 0),
      byKind: countedBy(
        volumes,
        (v) => v.kind,
        (v) => v.count,
        CaseKind.options,
      ),
      byChannel: countedBy(
        volumes,
        (v) => v.channel,
        (v) => v.count,
        CHANNELS,
      ),
      byRepairClass: countedBy(
        volumes,
        (v) => (v.kind === 'repair' ? v.repairClass : null),
        (v) => v.count,
        RepairClass.options,
      ),
    },
    rules: await ruleCompliance(ctx, estate.id, period, asOf),
    satisfaction: {
      complaintsClosed: closures.reduce((n, c) => n + c.count, 0),
      satisfied: closedBy('satisfied'),
      notSatisfied: closedBy('not_satisfied'),
      closedWithout: closedBy(null),
      followUpsRecorded: visits.reduce((n, v) => n + v.count, 0),
      followUpResults: Object.fromEntries(
        RESULTS.map((r) => [r, visits.filter((v) => v.result === r).reduce((n, v) => n + v.count, 0)]),
      ) as MonthlyFigures['satisfaction']['followUpResults'],
      averageScore: scored ? round(visits.reduce((n, v) => n + v.scoreSum, 0) / scored, 2) : null,
    },
    spotCheck: {
      drawn: spot.drawn,
      sampled: spot.verdicts.reduce((n, r) => n + r.count, 0),
      confirmed: verdict('confirmed'),
      discrepancy: verdict('discrepancy'),
      unreachable: verdict('unreachable'),
      pending: verdict(null),
    },
    notices: {
      issued: notices.length,
      acknowledged: acked.length,
      unacknowledged: notices.length - acked.length,
      medianAckHours: roundOrNull(median(ackHours), 1),
      maxAckHours: roundOrNull(ackHours.length ? Math.max(...ackHours) : null, 1),
    },
    desk: {
      ...desk,
      medianWaitMinutes: roundOrNull(median(waitMinutes), 1),
      maxWaitMinutes: roundOrNull(waitMinutes.length ? Math.max(...waitMinutes) : null, 1),
      waitedOverLimit: waitedOverLimit(waits, asOfMs, estate.waitLimitMinutes).length,
    },
    phone,
    fees,
  };
}

/** Visits whose wait (to being received, or to `asOf` while still waiting) passed the estate's limit (R-WK-4). */
export function waitedOverLimit<T extends { arrived_at: string; received_at: string | null }>(
  visits: readonly T[],
  asOfMs: number,
  limitMinutes: number,
) {
  return visits.filter((v) => {
    const end = v.received_at !== null && Date.parse(v.received_at) <= asOfMs ? Date.parse(v.received_at) : asOfMs;
    return end - Date.parse(v.arrived_at) > limitMinutes * MINUTE;
  });
}

async function feeFigures(ctx: AppContext, estate: EstateOfReport, period: Period, asOf: string): Promise<MonthlyFigures['fees']> {
  const takings = await feeTakings(ctx.db, { estateId: estate.id, from: period.start, to: period.end, asOf });
  const arrears = await arrearsOf(ctx.db, estate.id, dayOf(asOf, estate.timeZone));
  return {
    currency: estate.currency,
    ...takings,
    arrears: {
      total: arrears.total,
      units: arrears.items.length,
      bands: Object.entries(arrears.bands).map(([band, amount]) => ({ band, amount })),
    },
  };
}

function round(n: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

function roundOrNull(n: number | null, digits: number): number | null {
  return n === null ? null : round(n, digits);
}
