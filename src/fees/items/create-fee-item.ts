import type { z } from 'zod';
import { type Actor, requireAbility } from '../../auth/index.js';
import type { CreateFeeItemBody, FeeItem } from '../../contract/fees.js';
import { estateSettings } from '../../directory/index.js';
import type { AppContext } from '../../platform/context.js';
import { newId } from '../../platform/ids.js';
import { runUseCase } from '../../platform/use-case.js';
import { presentFeeItem } from '../present.js';
import { insertFeeItem } from '../store.js';
import type { FeeItemRow } from '../tables.js';
import { requireFreePeriod } from './access.js';

/** R-FE-1: a manager adds a fee item's period, in the estate's currency, clear of the item's other periods. */
export async function createFeeItem(
  ctx: AppContext,
  opts: { actor: Actor; estateId: string; body: z.infer<typeof CreateFeeItemBody> },
): Promise<FeeItem> {
  const b = opts.body;
  return runUseCase(
    ctx,
    { actorId: opts.actor.id, authorise: () => requireAbility(opts.actor, opts.estateId, 'fee.write'), duplicateField: 'effectiveFrom' },
    async (uc) => {
      const estate = await estateSettings(uc.trx, opts.estateId);
      const effectiveTo = b.effectiveTo ?? null;
      await requireFreePeriod(uc.trx, opts.estateId, b.code, { effectiveFrom: b.effectiveFrom, effectiveTo });
      const row: FeeItemRow = {
        id: newId(),
        estate_id: opts.estateId,
        code: b.code,
        name: b.name,
        name_en: b.nameEn ?? null,
        basis: b.basis,
        rate: b.rate,
        currency: estate.policy.currency,
        effective_from: b.effectiveFrom,
        effective_to: effectiveTo,
        approval_ref: b.approvalRef ?? null,
        notes: b.notes ?? null,
        retired_at: null,
        created_at: uc.at,
        updated_at: uc.at,
      };
      await insertFeeItem(uc.trx, row);
      await uc.history({ estateId: opts.estateId, entityType: 'fee_item', entityId: row.id, action: 'created', after: row });
      return presentFeeItem(row);
    },
  );
}
