import type { z } from 'zod';
import { type Actor, requireAbility } from '../../auth/index.js';
import type { FeePayment, VoidFeePaymentBody } from '../../contract/fees.js';
import { estateSettings } from '../../directory/index.js';
import type { AppContext } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/errors.js';
import { runUseCase } from '../../platform/use-case.js';
import { openDayFor } from '../days/book.js';
import { findPayment, insertVoid } from '../ledger.store.js';
import { paymentOf } from './read-payment.js';

/**
 * R-FE-2, R-FE-4: a manager voids a receipt with a reason. Nothing is deleted or changed: a void
 * row is added, the receipt keeps its number, and its allocations stop counting, so what it paid
 * is owed again. The void is booked on the voider's open day, with the receipt's own day as its
 * reference: a receipt of a closed day is corrected on an open one.
 */
export async function voidFeePayment(
  ctx: AppContext,
  opts: { actor: Actor; estateId: string; paymentId: string; body: z.infer<typeof VoidFeePaymentBody> },
): Promise<FeePayment> {
  await runUseCase(
    ctx,
    { actorId: opts.actor.id, authorise: () => requireAbility(opts.actor, opts.estateId, 'fee.void'), duplicateField: 'feePaymentId' },
    async (uc) => {
      const estate = await estateSettings(uc.trx, opts.estateId);
      const payment = await findPayment(uc.trx, estate.id, opts.paymentId);
      if (!payment) throw notFound('fee payment');
      if (payment.voided_at !== null)
        throw new AppError('fee.already_void', `R-FE-2: receipt ${payment.receipt_number} is void already`, { field: 'feePaymentId' });
      const day = await openDayFor(uc.trx, {
        estateId: estate.id,
        cashierId: opts.actor.id,
        now: uc.now,
        at: uc.at,
        timeZone: estate.timeZone,
      });
      const row = {
        payment_id: payment.id,
        estate_id: estate.id,
        reason: opts.body.reason,
        voided_by: opts.actor.id,
        voided_at: uc.at,
        cashier_day_id: day.id,
        original_day_id: payment.cashier_day_id,
      };
      await insertVoid(uc.trx, row);
      await uc.history({
        estateId: estate.id,
        entityType: 'fee_payment',
        entityId: payment.id,
        action: 'voided',
        before: { receiptNumber: payment.receipt_number, amount: payment.amount },
        after: row,
      });
    },
  );
  return paymentOf(ctx.db, opts.estateId, opts.paymentId);
}
