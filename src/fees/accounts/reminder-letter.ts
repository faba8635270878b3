import type { Actor } from '../../auth/index.js';
import { chargeableUnits, estateSettings } from '../../directory/index.js';
import type { AppContext } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/errors.js';
import { requireEstateRecord } from '../items/access.js';
import { reminderPdf } from '../pdf.js';
import { dayIn } from '../rules.js';
import { arrearsOf } from './arrears-of.js';

/** R-FE-3: the reminder letter to a unit in arrears as of a day; a unit owing nothing due answers 422. */
export async function feeReminderLetter(
  ctx: AppContext,
  opts: { actor: Actor; estateId: string; unitId: string; asOf?: string | undefined; locale?: string | undefined },
) {
  await requireEstateRecord(ctx, opts.actor, opts.estateId, 'fee.arrears.read');
  const estate = await estateSettings(ctx.db, opts.estateId);
  const [unit] = await chargeableUnits(ctx.db, opts.estateId, [opts.unitId]);
  if (!unit) throw notFound('unit');
  const asOf = opts.asOf ?? dayIn(ctx.clock.now(), estate.timeZone);
  const [arrears] = (await arrearsOf(ctx.db, opts.estateId, asOf, [unit.id])).items;
  if (!arrears)
    throw new AppError('fee.not_in_arrears', `R-FE-3: unit ${unit.building_name} ${unit.number} owes nothing due by ${asOf}`, {
      field: 'unitId',
    });
  const unitLabel = `${unit.building_name} ${unit.number}`;
  const pdf = await reminderPdf({
    estateName: estate.name,
    officeName: estate.office_name,
    unitLabel,
    asOf,
    currency: estate.policy.currency,
    total: arrears.total,
    lines: arrears.charges.map((c) => ({ description: c.description, chargedOn: c.charged_on, outstanding: c.amount - c.paid })),
    locale: opts.locale ?? opts.actor.locale,
  });
  return { unitLabel, pdf };
}
