import type { z } from 'zod';
import type { Actor } from '../../auth/index.js';
import type { CashierDay, ListCashierDaysQuery } from '../../contract/fees.js';
import { chargeableUnits, estateSettings } from '../../directory/index.js';
import type { AppContext } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
import type { Trx } from '../../platform/use-case.js';
import { bookingsOfDay, type DayRecord, findDay, findDayOn, listDayRows } from '../days.store.js';
import { requireEstateRecord } from '../items/access.js';
import { presentDay, presentDaySummary, unitsByIdFrom } from '../present.js';
import { dayIn } from '../rules.js';

type Db = AppContext['db'] | Trx;

/** R-FE-4: a day with its takings by method, its receipts in number order and the voids booked on it. */
export async function dayView(db: Db, estateId: string, row: DayRecord): Promise<CashierDay> {
  const estate = await estateSettings(db, estateId);
  const bookings = await bookingsOfDay(db, estateId, row.id);
  const units = await chargeableUnits(db, estateId, [...new Set(bookings.receipts.map((r) => r.unit_id))]);
  return presentDay(row, bookings, unitsByIdFrom(units), estate.policy.currency);
}

export async function dayById(db: Db, estateId: string, dayId: string): Promise<CashierDay> {
  const row = await findDay(db, estateId, dayId);
  if (!row) throw notFound('cashier day');
  return dayView(db, estateId, row);
}

/** R-FE-4: one cashier's day. */
export async function getCashierDay(ctx: AppContext, opts: { actor: Actor; estateId: string; dayId: string }): Promise<CashierDay> {
  await requireEstateRecord(ctx, opts.actor, opts.estateId, 'fee.account.read');
  return dayById(ctx.db, opts.estateId, opts.dayId);
}

/** R-FE-4: the signed-in cashier's day of today, or null before their first payment of the day. */
export async function myCashierDay(ctx: AppContext, opts: { actor: Actor; estateId: string }): Promise<CashierDay | null> {
  await requireEstateRecord(ctx, opts.actor, opts.estateId, 'fee.collect');
  const estate = await estateSettings(ctx.db, opts.estateId);
  const row = await findDayOn(ctx.db, opts.estateId, opts.actor.id, dayIn(ctx.clock.now(), estate.timeZone));
  return row ? dayView(ctx.db, opts.estateId, row) : null;
}

/** R-FE-4: the estate's cashier days, the latest first, by date, cashier or state. */
export async function listCashierDays(
  ctx: AppContext,
  opts: { actor: Actor; estateId: string; query: z.infer<typeof ListCashierDaysQuery> },
) {
  await requireEstateRecord(ctx, opts.actor, opts.estateId, 'fee.account.read');
  const { page, pageSize, date, cashierId, state } = opts.query;
  const { rows, total } = await listDayRows(ctx.db, opts.estateId, { date, cashierId, state }, { page, pageSize });
  const items = [];
  for (const row of rows) items.push(presentDaySummary(row, await bookingsOfDay(ctx.db, opts.estateId, row.id)));
  return { items, total, page, pageSize };
}
