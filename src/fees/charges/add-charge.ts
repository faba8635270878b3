import type { z } from 'zod';
import { type Actor, can, requireAbility } from '../../auth/index.js';
import { isCaseOfEstate } from '../../cases/index.js';
import type { CreateFeeChargeBody, FeeCharge } from '../../contract/fees.js';
import { estateSettings, unitInEstate } from '../../directory/index.js';
import type { AppContext } from '../../platform/context.js';
import { AppError, notFound, unknownReference } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { invalidField } from '../../platform/occurred.js';
import { runUseCase } from '../../platform/use-case.js';
import { findCharges, insertCharge } from '../ledger.store.js';
import { presentCharge } from '../present.js';
import { dayIn, inForceOn, MONTHLY_BASES } from '../rules.js';
import { findFeeItem } from '../store.js';
import type { FeeChargeTable } from '../tables.js';

/**
 * R-FE-3: a one-off charge of a unit: a per-use item at the counter (a parking card, a key copy:
 * its rate × quantity), or, for managers (fee.charge), a fixed item or an amount of its own such
 * as a paid repair with its work order. Month-based items are charged by the monthly run only.
 */
export async function addFeeCharge(
  ctx: AppContext,
  opts: { actor: Actor; estateId: string; body: z.infer<typeof CreateFeeChargeBody> },
): Promise<FeeCharge> {
  const b = opts.body;
  const id = await runUseCase(
    ctx,
    { actorId: opts.actor.id, authorise: () => requireAbility(opts.actor, opts.estateId, 'fee.charge.oneoff') },
    async (uc) => {
      const estate = await estateSettings(uc.trx, opts.estateId);
      if (!(await unitInEstate(uc.trx, estate.id, b.unitId))) throw unknownReference('unitId');
      const chargedOn = b.chargedOn ?? dayIn(uc.now, estate.timeZone);
      if (b.amount !== undefined) needsManager(opts.actor, estate.id, 'amount');
      if (b.caseId !== undefined) needsManager(opts.actor, estate.id, 'caseId');
      if (b.caseId !== undefined && !(await isCaseOfEstate(uc.trx, estate.id, b.caseId))) throw unknownReference('caseId');
      let row: FeeChargeTable;
      const base = {
        id: newId(),
        estate_id: estate.id,
        unit_id: b.unitId,
        source: 'one_off',
        period: null,
        charged_on: chargedOn,
        quantity: b.quantity,
        run_key: null,
        run_id: null,
        case_id: b.caseId ?? null,
        created_by: opts.actor.id,
        created_at: uc.at,
      };
      if (b.feeItemId !== undefined) {
        const item = await findFeeItem(uc.trx, estate.id, b.feeItemId);
        if (!item) throw unknownReference('feeItemId');
        if (MONTHLY_BASES.includes(item.basis))
          throw new AppError('fee.monthly_item', `feeItemId: ${item.code} is charged by the monthly run, not one by one`, {
            field: 'feeItemId',
          });
        if (item.basis === 'fixed') needsManager(opts.actor, estate.id, 'feeItemId');
        if (!inForceOn({ effectiveFrom: item.effective_from, effectiveTo: item.effective_to }, chargedOn))
          throw new AppError('fee.item_not_in_force', `feeItemId: ${item.code} is not in force on ${chargedOn}`, { field: 'feeItemId' });
        row = {
          ...base,
          fee_item_id: item.id,
          fee_item_code: item.code,
          description: b.description ?? item.name,
          amount: b.amount ?? Number(item.rate) * b.quantity,
          currency: item.currency,
        };
      } else {
        if (b.amount === undefined) throw invalidField('feeItemId', 'name a fee item, or give an amount with a description');
        if (!b.description) throw invalidField('description', 'say what an amount of its own is for');
        row = {
          ...base,
          fee_item_id: null,
          fee_item_code: null,
          description: b.description,
          amount: b.amount,
          currency: estate.policy.currency,
        };
      }
      await insertCharge(uc.trx, row);
      await uc.history({ estateId: estate.id, entityType: 'fee_charge', entityId: row.id, action: 'charged', after: row });
      return row.id;
    },
  );
  const [charge] = await findCharges(ctx.db, opts.estateId, [id]);
  if (!charge) throw notFound('fee charge');
  return presentCharge(charge);
}

/** R-FE-3: the counter charges per-use items; a fixed item, an amount of its own or a work order is the manager's (fee.charge). */
function needsManager(actor: Actor, estateId: string, field: string): void {
  if (!can(actor, estateId, 'fee.charge'))
    throw new AppError(
      'fee.needs_manager',
      `${field}: a fixed item, an amount of its own or a work order is charged by a manager (fee.charge)`,
      {
        field,
        ability: 'fee.charge',
      },
    );
}
