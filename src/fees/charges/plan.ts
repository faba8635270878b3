import type { ChargeableUnit } from '../../directory/index.js';
import type { Trx } from '../../platform/use-case.js';
import { firstDayOf, lastDayOf, type MonthlyCharge, monthlyCharge, type RatedPeriod, runKey } from '../rules.js';
import { monthlyPeriodsBetween } from '../store.js';
import type { FeeItemRow } from '../tables.js';

type Db = Parameters<typeof monthlyPeriodsBetween>[0] | Trx;

export interface PlannedCharge {
  unit: ChargeableUnit;
  code: string;
  name: string;
  currency: string;
  runKey: string;
  outcome: MonthlyCharge;
}

/** The month-based items of a month, by code, each with its periods (the rate changes within it). */
export async function monthItems(db: Db, estateId: string, period: string): Promise<Map<string, FeeItemRow[]>> {
  const rows = await monthlyPeriodsBetween(db, estateId, firstDayOf(period), lastDayOf(period));
  const byCode = new Map<string, FeeItemRow[]>();
  for (const row of rows) byCode.set(row.code, [...(byCode.get(row.code) ?? []), row]);
  return byCode;
}

/** R-FE-3: what a run of a month charges the units: one line per unit and item code. */
export function planCharges(units: readonly ChargeableUnit[], items: Map<string, FeeItemRow[]>, period: string): PlannedCharge[] {
  const out: PlannedCharge[] = [];
  for (const unit of units) {
    for (const [code, rows] of items) {
      const periods: RatedPeriod[] = rows.map((r) => ({
        id: r.id,
        basis: r.basis,
        rate: Number(r.rate),
        effectiveFrom: r.effective_from,
        effectiveTo: r.effective_to,
      }));
      const latest = rows.at(-1) as FeeItemRow;
      out.push({
        unit,
        code,
        name: latest.name,
        currency: latest.currency,
        runKey: runKey(unit.id, code, period),
        outcome: monthlyCharge(periods, period, unit.area_m2),
      });
    }
  }
  return out;
}

/** The words a run's charge carries: the item's name and the month. */
export function runChargeDescription(name: string, period: string): string {
  return `${name} ${period}`;
}
