import type { z } from 'zod';
import { type Actor, can, requireAbility } from '../../auth/index.js';
import type { CashierDay, CloseCashierDayBody } from '../../contract/fees.js';
import type { AppContext } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/errors.js';
import { runUseCase } from '../../platform/use-case.js';
import { bookingsOfDay, bookOnDay, closeDayRow, findDay } from '../days.store.js';
import { takingsByMethod } from '../rules.js';
import { dayById } from './read-days.js';

/**
 * R-FE-4: the cashier closes their day: its takings by method are frozen with it, and nothing
 * more is booked on it. The day's row is taken first (as a payment being booked takes it), so the
 * totals include every payment committed before the close and none after. Another cashier's day
 * is closed only by a manager. Closing a closed day again answers it unchanged.
 */
export async function closeCashierDay(
  ctx: AppContext,
  opts: { actor: Actor; estateId: string; dayId: string; body: z.infer<typeof CloseCashierDayBody> },
): Promise<CashierDay> {
  await runUseCase(
    ctx,
    { actorId: opts.actor.id, authorise: () => requireAbility(opts.actor, opts.estateId, 'fee.day.close') },
    async (uc) => {
      const day = await findDay(uc.trx, opts.estateId, opts.dayId);
      if (!day) throw notFound('cashier day');
      if (day.cashier_id !== opts.actor.id && !can(opts.actor, opts.estateId, 'fee.day.check'))
        throw new AppError('fee.not_your_day', `R-FE-4: the day is ${day.cashier_name}'s; its cashier or a manager closes it`, {
          field: 'cashierDayId',
        });
      // Closing a closed day again answers it as it was closed: nothing of it changes.
      if (day.state !== 'open') return;
      // Taken like a payment being booked takes it: a payment committing now is in the totals, or waits and finds the day closed.
      if (!(await bookOnDay(uc.trx, day.id, uc.at))) return;
      const bookings = await bookingsOfDay(uc.trx, opts.estateId, day.id);
      const totals = takingsByMethod(bookings.receipts, bookings.voids);
      const set = { closed_at: uc.at, closed_by: opts.actor.id, close_note: opts.body.note ?? null, close_totals: JSON.stringify(totals) };
      await closeDayRow(uc.trx, day.id, set);
      await uc.history({
        estateId: opts.estateId,
        entityType: 'cashier_day',
        entityId: day.id,
        action: 'closed',
        before: { state: 'open' },
        after: { ...set, receipts: bookings.receipts.map((r) => r.receipt_number), voids: bookings.voids.map((v) => v.receipt_number) },
      });
    },
  );
  return dayById(ctx.db, opts.estateId, opts.dayId);
}
