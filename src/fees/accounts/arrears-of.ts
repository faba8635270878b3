import { type ChargeableUnit, chargeableUnits } from '../../directory/index.js';
import type { AppContext } from '../../platform/context.js';
import { owingCharges } from '../ledger.store.js';
import { AGE_BANDS, type AgeBandName, arrearsByBand, emptyBands } from '../rules.js';

export interface UnitArrears {
  unit: ChargeableUnit;
  total: number;
  bands: Record<AgeBandName, number>;
  oldest: string;
  charges: Awaited<ReturnType<typeof owingCharges>>;
}

/**
 * R-FE-3: the estate's arrears as of a day: every unit owing on charges fallen due, by age band
 * (0–30, 31–90, 91–180, over 180 days from the day the charge fell due), the largest first.
 */
export async function arrearsOf(db: AppContext['db'], estateId: string, asOf: string, unitIds?: readonly string[]) {
  const owing = await owingCharges(db, estateId, { asOf, unitIds });
  const byUnit = new Map<string, typeof owing>();
  for (const c of owing) byUnit.set(c.unit_id, [...(byUnit.get(c.unit_id) ?? []), c]);
  const units = await chargeableUnits(db, estateId, [...byUnit.keys()]);
  const items: UnitArrears[] = [];
  const bands = emptyBands();
  for (const unit of units) {
    const charges = byUnit.get(unit.id) ?? [];
    const a = arrearsByBand(
      charges.map((c) => ({ chargedOn: c.charged_on, outstanding: c.amount - c.paid })),
      asOf,
    );
    if (a.total <= 0 || a.oldest === null) continue;
    for (const b of AGE_BANDS) bands[b] += a.bands[b];
    items.push({ unit, total: a.total, bands: a.bands, oldest: a.oldest, charges });
  }
  items.sort(
    (x, y) => y.total - x.total || x.unit.building_name.localeCompare(y.unit.building_name) || x.unit.number.localeCompare(y.unit.number),
  );
  return { items, bands, total: AGE_BANDS.reduce((s, b) => s + bands[b], 0) };
}
