import type { Actor } from '../../auth/index.js';
import type { FeeChargeRunPreview } from '../../contract/fees.js';
import { chargeableUnits, estateSettings } from '../../directory/index.js';
import type { AppContext } from '../../platform/context.js';
import { requireEstateRecord } from '../items/access.js';
import { chargedRunKeys } from '../ledger.store.js';
import { monthItems, planCharges, runChargeDescription } from './plan.js';

const PREVIEW_LINES = 500;

/** R-FE-3: what a run of the month would charge, and what is charged already (a run creates only the rest). */
export async function previewFeeChargeRun(
  ctx: AppContext,
  opts: { actor: Actor; estateId: string; period: string },
): Promise<FeeChargeRunPreview> {
  await requireEstateRecord(ctx, opts.actor, opts.estateId, 'fee.charge');
  const estate = await estateSettings(ctx.db, opts.estateId);
  const units = await chargeableUnits(ctx.db, opts.estateId);
  const plan = planCharges(units, await monthItems(ctx.db, opts.estateId, opts.period), opts.period);
  const charged = await chargedRunKeys(ctx.db, opts.estateId, opts.period);
  const preview: FeeChargeRunPreview = {
    period: opts.period,
    currency: estate.policy.currency,
    units: units.length,
    toCreate: 0,
    toCreateAmount: 0,
    alreadyCharged: charged.size,
    alreadyChargedAmount: [...charged.values()].reduce((s, n) => s + n, 0),
    skipped: 0,
    lines: [],
  };
  for (const p of plan) {
    if (!p.outcome.charged) {
      if (p.outcome.reason === 'no_area') preview.skipped++;
      continue;
    }
    const already = charged.has(p.runKey);
    if (!already) {
      preview.toCreate++;
      preview.toCreateAmount += p.outcome.amount;
    }
    if (preview.lines.length < PREVIEW_LINES)
      preview.lines.push({
        unit: { id: p.unit.id, buildingName: p.unit.building_name, number: p.unit.number, areaM2: p.unit.area_m2 },
        feeItemId: p.outcome.feeItemId,
        feeItemCode: p.code,
        description: runChargeDescription(p.name, opts.period),
        amount: p.outcome.amount,
        alreadyCharged: already,
        note: p.outcome.daysCharged < p.outcome.days ? `${p.outcome.daysCharged}/${p.outcome.days}` : null,
      });
  }
  return preview;
}
