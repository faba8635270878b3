import type { z } from 'zod';
import { type Actor, requireAbility } from '../../auth/index.js';
import type { FeePayment, TakeFeePaymentBody } from '../../contract/fees.js';
import { estateSettings, unitInEstate } from '../../directory/index.js';
import type { AppContext } from '../../platform/context.js';
import { nextNumber } from '../../platform/counters.js';
import { AppError, unknownReference } from '../../platform/errors.js';
import { isUniqueViolation, recordFor, rememberRecord } from '../../platform/idempotency.js';
import { newId } from '../../platform/ids.js';
import { runUseCase } from '../../platform/use-case.js';
import { openDayFor } from '../days/book.js';
import { chargesOfUnit, insertAllocations, insertPayment } from '../ledger.store.js';
import { allocateOldestFirst, chosenAllocationProblem, dayIn, receiptNumber } from '../rules.js';
import type { FeePaymentTable } from '../tables.js';
import { paymentOf } from './read-payment.js';

/** The name of the receipts' gap-free sequence, per estate and year. */
export const RECEIPT_SEQUENCE = 'fee_receipt';

type TakePaymentOptions = { actor: Actor; estateId: string; body: z.infer<typeof TakeFeePaymentBody>; idempotencyKey?: string | undefined };

/**
 * R-FE-2, R-FE-3: a payment at the counter and its receipt. The receipt number is taken first in
 * the transaction from the estate's counter for the year: concurrent payments of the estate queue
 * on that row (so the charges read after it are what earlier payments left), numbers are unique,
 * and a refused or rolled-back payment takes its number back with it, so they are gap-free. The
 * amount goes to the oldest charges first unless the cashier chose; more than the unit owes is
 * refused. A request repeated with the same Idempotency-Key answers the first receipt.
 */
export async function takeFeePayment(ctx: AppContext, opts: TakePaymentOptions): Promise<{ payment: FeePayment; created: boolean }> {
  requireAbility(opts.actor, opts.estateId, 'fee.collect');
  const b = opts.body;
  const idempotent = opts.idempotencyKey
    ? { estateId: opts.estateId, operation: 'takeFeePayment', key: opts.idempotencyKey, request: b }
    : null;
  const earlier = idempotent && (await recordFor(ctx.db, idempotent));
  if (earlier) return { payment: await paymentOf(ctx.db, opts.estateId, earlier), created: false };
  const take = () =>
    runUseCase(ctx, { actorId: opts.actor.id }, async (uc) => {
      const { trx } = uc;
      const estate = await estateSettings(trx, opts.estateId);
      if (!(await unitInEstate(trx, estate.id, b.unitId))) throw unknownReference('unitId');
      const year = Number(dayIn(uc.now, estate.timeZone).slice(0, 4));
      const seq = await nextNumber(trx, { estateId: estate.id, name: RECEIPT_SEQUENCE, period: String(year) });
      const day = await openDayFor(trx, {
        estateId: estate.id,
        cashierId: opts.actor.id,
        now: uc.now,
        at: uc.at,
        timeZone: estate.timeZone,
      });
      const owed = (await chargesOfUnit(trx, estate.id, b.unitId)).map((c) => ({
        id: c.id,
        chargedOn: c.charged_on,
        createdAt: c.created_at,
        outstanding: c.amount - c.paid,
      }));
      let allocations: { chargeId: string; amount: number }[];
      if (b.allocations) {
        const problem = chosenAllocationProblem(owed, b.allocations, b.amount);
        if (problem) {
          const field = 'index' in problem ? `allocations.${problem.index}` : 'allocations';
          throw new AppError(problem.code, `R-FE-3: ${problem.message}`, { field });
        }
        allocations = b.allocations;
      } else {
        const oldest = allocateOldestFirst(owed, b.amount);
        if (!oldest) {
          const total = owed.reduce((s, c) => s + Math.max(0, c.outstanding), 0);
          throw new AppError('fee.overpaid', `amount: ${b.amount} is more than the ${total} the unit owes`, {
            field: 'amount',
            owed: total,
          });
        }
        allocations = oldest;
      }
      const row: FeePaymentTable = {
        id: newId(),
        estate_id: estate.id,
        unit_id: b.unitId,
        payer: b.payer,
        method: b.method,
        amount: b.amount,
        currency: estate.policy.currency,
        receipt_year: year,
        receipt_seq: seq,
        receipt_number: receiptNumber(year, seq),
        cashier_id: opts.actor.id,
        cashier_day_id: day.id,
        received_at: uc.at,
        reference: b.reference ?? null,
        note: b.note ?? null,
      };
      await insertPayment(trx, row);
      await insertAllocations(
        trx,
        allocations.map((a) => ({ id: newId(), estate_id: estate.id, payment_id: row.id, charge_id: a.chargeId, amount: a.amount })),
      );
      await uc.history({
        estateId: estate.id,
        entityType: 'fee_payment',
        entityId: row.id,
        action: 'received',
        before: null,
        after: { ...row, allocations },
      });
      if (idempotent) await rememberRecord(trx, idempotent, row.id, uc.at);
      return row.id;
    });
  let id: string;
  try {
    id = await take();
  } catch (err) {
    // A concurrent twin with the same key committed first; this one's number went back with its rollback.
    if (!isUniqueViolation(err) || !idempotent) throw err;
    const twin = await recordFor(ctx.db, idempotent);
    if (!twin) throw err;
    return { payment: await paymentOf(ctx.db, opts.estateId, twin), created: false };
  }
  return { payment: await paymentOf(ctx.db, opts.estateId, id), created: true };
}
