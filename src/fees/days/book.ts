import { AppError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import type { Trx } from '../../platform/use-case.js';
import { bookOnDay, dayOf } from '../days.store.js';
import { dayIn } from '../rules.js';
import type { CashierDayRow } from '../tables.js';

/**
 * R-FE-4: the open day a payment or a void is booked on: the cashier's day of today in the
 * estate's zone, opened by its first use. Its row stays locked to the commit, so a close waits
 * for what is being booked; a day already closed refuses (422 fee.day_closed).
 */
export async function openDayFor(
  trx: Trx,
  opts: { estateId: string; cashierId: string; now: Date; at: string; timeZone: string },
): Promise<CashierDayRow> {
  const date = dayIn(opts.now, opts.timeZone);
  const day = await dayOf(trx, { id: newId(), estateId: opts.estateId, cashierId: opts.cashierId, date, at: opts.at });
  if (!(await bookOnDay(trx, day.id, opts.at)))
    throw new AppError('fee.day_closed', `R-FE-4: your cashier's day ${date} is closed; nothing more is booked on it`, {
      field: 'cashierDayId',
      cashierDayId: day.id,
      date,
    });
  return day;
}
