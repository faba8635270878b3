import type { Actor } from '../../auth/index.js';
import type { FeeAccount } from '../../contract/fees.js';
import { chargeableUnits, estateSettings } from '../../directory/index.js';
import type { AppContext } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
import { requireEstateRecord } from '../items/access.js';
import { allocationsOf, chargesOfUnit, listPaymentRows, unitBalance } from '../ledger.store.js';
import { presentCharge, presentPayment } from '../present.js';

/** R-FE-3: what a unit owes, oldest first (the order a payment pays), its balance and its latest receipts. */
export async function getFeeAccount(ctx: AppContext, opts: { actor: Actor; estateId: string; unitId: string }): Promise<FeeAccount> {
  await requireEstateRecord(ctx, opts.actor, opts.estateId, 'fee.account.read');
  const [unit] = await chargeableUnits(ctx.db, opts.estateId, [opts.unitId]);
  if (!unit) throw notFound('unit');
  const estate = await estateSettings(ctx.db, opts.estateId);
  const charges = (await chargesOfUnit(ctx.db, opts.estateId, unit.id)).filter((c) => c.amount > c.paid);
  const { rows } = await listPaymentRows(ctx.db, opts.estateId, { unitId: unit.id }, { page: 1, pageSize: 20 });
  const allocations = await allocationsOf(
    ctx.db,
    opts.estateId,
    rows.map((r) => r.id),
  );
  return {
    unit: { id: unit.id, buildingName: unit.building_name, number: unit.number, areaM2: unit.area_m2 },
    currency: estate.policy.currency,
    balance: await unitBalance(ctx.db, opts.estateId, unit.id),
    outstanding: charges.map(presentCharge),
    recentPayments: rows.map((r) => presentPayment(r, allocations)),
  };
}
