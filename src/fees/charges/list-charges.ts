import type { z } from 'zod';
import type { Actor } from '../../auth/index.js';
import type { ListFeeChargesQuery } from '../../contract/fees.js';
import type { AppContext } from '../../platform/context.js';
import { requireEstateRecord } from '../items/access.js';
import { listChargeRows } from '../ledger.store.js';
import { presentCharge } from '../present.js';

/** R-FE-3: the estate's charges, the latest first: by unit, month, item or what is still owed. */
export async function listFeeCharges(
  ctx: AppContext,
  opts: { actor: Actor; estateId: string; query: z.infer<typeof ListFeeChargesQuery> },
) {
  await requireEstateRecord(ctx, opts.actor, opts.estateId, 'fee.account.read');
  const { page, pageSize, unitId, period, feeItemCode, outstanding } = opts.query;
  const filters = { unitId, period, feeItemCode, outstanding: outstanding === undefined ? undefined : outstanding === 'true' };
  const { rows, total } = await listChargeRows(ctx.db, opts.estateId, filters, { page, pageSize });
  return { items: rows.map(presentCharge), total, page, pageSize };
}
