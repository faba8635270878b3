import type { z } from 'zod';
import { type Actor, requireAbility } from '../../auth/index.js';
import type { CashierDay, CheckCashierDayBody } from '../../contract/fees.js';
import type { AppContext } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/errors.js';
import { runUseCase } from '../../platform/use-case.js';
import { checkDayRow, findDay } from '../days.store.js';
import { dayById } from './read-days.js';

/** R-FE-4: a manager checks a closed day (its frozen totals against the money); an open day cannot be checked. */
export async function checkCashierDay(
  ctx: AppContext,
  opts: { actor: Actor; estateId: string; dayId: string; body: z.infer<typeof CheckCashierDayBody> },
): Promise<CashierDay> {
  await runUseCase(
    ctx,
    { actorId: opts.actor.id, authorise: () => requireAbility(opts.actor, opts.estateId, 'fee.day.check') },
    async (uc) => {
      const day = await findDay(uc.trx, opts.estateId, opts.dayId);
      if (!day) throw notFound('cashier day');
      if (day.state === 'open')
        throw new AppError('fee.day_not_closed', `R-FE-4: the day ${day.date} is still open; its cashier closes it first`, {
          field: 'cashierDayId',
        });
      const set = { checked_at: uc.at, checked_by: opts.actor.id, check_note: opts.body.note ?? null };
      if (!(await checkDayRow(uc.trx, day.id, set)))
        throw new AppError('fee.day_checked', `R-FE-4: the day ${day.date} is checked already`, { field: 'cashierDayId' });
      await uc.history({
        estateId: opts.estateId,
        entityType: 'cashier_day',
        entityId: day.id,
        action: 'checked',
        before: { state: day.state },
        after: set,
      });
    },
  );
  return dayById(ctx.db, opts.estateId, opts.dayId);
}
