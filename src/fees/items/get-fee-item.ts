import { type Actor, requireAbility } from '../../auth/index.js';
import type { FeeItem } from '../../contract/fees.js';
import type { AppContext } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
import { presentFeeItem } from '../present.js';
import { findFeeItem } from '../store.js';

/** R-FE-1: one period of a fee item; one of an estate the actor does not work for answers 404. */
export async function getFeeItem(ctx: AppContext, opts: { actor: Actor; feeItemId: string }): Promise<FeeItem> {
  const row = await findFeeItem(ctx.db, null, opts.feeItemId);
  if (!row) throw notFound('fee item');
  requireAbility(opts.actor, row.estate_id, 'fee.read', 'fee item');
  return presentFeeItem(row);
}
