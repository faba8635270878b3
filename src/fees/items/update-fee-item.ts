import type { z } from 'zod';
import { type Actor, requireAbility } from '../../auth/index.js';
import type { FeeItem, UpdateFeeItemBody } from '../../contract/fees.js';
import type { AppContext } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
import { runUseCase } from '../../platform/use-case.js';
import { presentFeeItem } from '../present.js';
import { findFeeItem, updateFeeItemRow } from '../store.js';
import type { FeeItemRow } from '../tables.js';
import { requireFreePeriod } from './access.js';

/** R-FE-1: a period's names, days and references change; its rate does not (a new rate is a new period). */
export async function updateFeeItem(
  ctx: AppContext,
  opts: { actor: Actor; feeItemId: string; body: z.infer<typeof UpdateFeeItemBody> },
): Promise<FeeItem> {
  return runUseCase(ctx, { actorId: opts.actor.id, duplicateField: 'effectiveFrom' }, async (uc) => {
    const before = await findFeeItem(uc.trx, null, opts.feeItemId);
    if (!before) throw notFound('fee item');
    requireAbility(opts.actor, before.estate_id, 'fee.write', 'fee item');
    const b = opts.body;
    const patch = {
      ...(b.name !== undefined && { name: b.name }),
      ...(b.nameEn !== undefined && { name_en: b.nameEn }),
      ...(b.effectiveFrom !== undefined && { effective_from: b.effectiveFrom }),
      ...(b.effectiveTo !== undefined && { effective_to: b.effectiveTo }),
      ...(b.approvalRef !== undefined && { approval_ref: b.approvalRef }),
      ...(b.notes !== undefined && { notes: b.notes }),
      updated_at: uc.at,
    };
    const after: FeeItemRow = { ...before, ...patch };
    await requireFreePeriod(uc.trx, before.estate_id, before.code, {
      id: before.id,
      effectiveFrom: after.effective_from,
      effectiveTo: after.effective_to,
    });
    await updateFeeItemRow(uc.trx, before.id, patch);
    await uc.history({ estateId: before.estate_id, entityType: 'fee_item', entityId: before.id, action: 'updated', before, after });
    return presentFeeItem(after);
  });
}
