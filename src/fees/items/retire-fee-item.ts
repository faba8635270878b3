import type { z } from 'zod';
import { type Actor, requireAbility } from '../../auth/index.js';
import type { FeeItem, RetireFeeItemBody } from '../../contract/fees.js';
import type { AppContext } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/errors.js';
import { runUseCase } from '../../platform/use-case.js';
import { presentFeeItem } from '../present.js';
import { findFeeItem, updateFeeItemRow } from '../store.js';
import type { FeeItemRow } from '../tables.js';

function refuseLastDay(message: string): AppError {
  return new AppError('validation.failed', message, { issues: [{ path: 'body.lastDay', message }] });
}

/** R-FE-1: an item is no longer charged after its last day; the period stays on record. */
export async function retireFeeItem(
  ctx: AppContext,
  opts: { actor: Actor; feeItemId: string; body: z.infer<typeof RetireFeeItemBody> },
): Promise<FeeItem> {
  return runUseCase(ctx, { actorId: opts.actor.id }, async (uc) => {
    const before = await findFeeItem(uc.trx, null, opts.feeItemId);
    if (!before) throw notFound('fee item');
    requireAbility(opts.actor, before.estate_id, 'fee.write', 'fee item');
    if (before.retired_at !== null) throw new AppError('fee.retired', 'the item is retired already');
    const lastDay = opts.body.lastDay;
    if (lastDay < before.effective_from) throw refuseLastDay(`lastDay: before the period's first day (${before.effective_from})`);
    if (before.effective_to !== null && lastDay > before.effective_to)
      throw refuseLastDay(`lastDay: after the period's last day (${before.effective_to})`);
    const patch = { effective_to: lastDay, retired_at: uc.at, updated_at: uc.at };
    const after: FeeItemRow = { ...before, ...patch };
    await updateFeeItemRow(uc.trx, before.id, patch);
    await uc.history({ estateId: before.estate_id, entityType: 'fee_item', entityId: before.id, action: 'retired', before, after });
    return presentFeeItem(after);
  });
}
