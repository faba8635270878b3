import type { Actor } from '../../auth/index.js';
import { estateSettings } from '../../directory/index.js';
import type { AppContext } from '../../platform/context.js';
import { requireEstateRecord } from '../items/access.js';
import { receiptPdf } from '../pdf.js';
import { paymentOf } from './read-payment.js';

/** R-FE-2: the receipt as one A5 page of PDF, stamped void when voided. */
export async function feeReceiptPdf(
  ctx: AppContext,
  opts: { actor: Actor; estateId: string; paymentId: string; locale?: string | undefined },
) {
  await requireEstateRecord(ctx, opts.actor, opts.estateId, 'fee.account.read');
  const payment = await paymentOf(ctx.db, opts.estateId, opts.paymentId);
  const estate = await estateSettings(ctx.db, opts.estateId);
  const pdf = await receiptPdf(payment, {
    officeName: estate.office_name,
    timeZone: estate.timeZone,
    locale: opts.locale ?? opts.actor.locale,
  });
  return { number: payment.receiptNumber, pdf };
}
