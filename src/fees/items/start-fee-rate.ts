import type { z } from 'zod';
import { type Actor, requireAbility } from '../../auth/index.js';
import type { NewFeeRate, NewFeeRateBody } from '../../contract/fees.js';
import type { AppContext } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { runUseCase } from '../../platform/use-case.js';
import { presentFeeItem } from '../present.js';
import { dayBefore } from '../rules.js';
import { findFeeItem, insertFeeItem, updateFeeItemRow } from '../store.js';
import type { FeeItemRow } from '../tables.js';
import { requireFreePeriod } from './access.js';

function refuseDay(message: string): AppError {
  return new AppError('validation.failed', message, { issues: [{ path: 'body.effectiveFrom', message }] });
}

/**
 * R-FE-1: a change of rate is a new period. The period in force ends the day before the new
 * rate's first day, and the new period, with the same item, name and basis, runs to where the
 * old one would have ended.
 */
export async function startFeeRate(
  ctx: AppContext,
  opts: { actor: Actor; feeItemId: string; body: z.infer<typeof NewFeeRateBody> },
): Promise<NewFeeRate> {
  return runUseCase(ctx, { actorId: opts.actor.id, duplicateField: 'effectiveFrom' }, async (uc) => {
    const before = await findFeeItem(uc.trx, null, opts.feeItemId);
    if (!before) throw notFound('fee item');
    requireAbility(opts.actor, before.estate_id, 'fee.write', 'fee item');
    if (before.retired_at !== null) throw new AppError('fee.retired', 'the item is retired: add a new item instead');
    const from = opts.body.effectiveFrom;
    if (from <= before.effective_from)
      throw refuseDay(`effectiveFrom: the new rate starts after the current period's first day (${before.effective_from})`);
    if (before.effective_to !== null && from > before.effective_to)
      throw refuseDay(`effectiveFrom: the current period ends on ${before.effective_to}; add the next period as a new item period`);
    const previous: FeeItemRow = { ...before, effective_to: dayBefore(from), updated_at: uc.at };
    await updateFeeItemRow(uc.trx, before.id, { effective_to: previous.effective_to, updated_at: uc.at });
    await uc.history({
      estateId: before.estate_id,
      entityType: 'fee_item',
      entityId: before.id,
      action: 'ended',
      before,
      after: previous,
    });
    const current: FeeItemRow = {
      ...before,
      id: newId(),
      rate: opts.body.rate,
      effective_from: from,
      effective_to: before.effective_to,
      approval_ref: opts.body.approvalRef ?? null,
      notes: opts.body.notes ?? null,
      created_at: uc.at,
      updated_at: uc.at,
    };
    await requireFreePeriod(uc.trx, before.estate_id, before.code, {
      id: current.id,
      effectiveFrom: current.effective_from,
      effectiveTo: current.effective_to,
    });
    await insertFeeItem(uc.trx, current);
    await uc.history({ estateId: before.estate_id, entityType: 'fee_item', entityId: current.id, action: 'created', after: current });
    return { previous: presentFeeItem(previous), current: presentFeeItem(current) };
  });
}
