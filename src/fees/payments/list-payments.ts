import type { z } from 'zod';
import type { Actor } from '../../auth/index.js';
import type { ListFeePaymentsQuery } from '../../contract/fees.js';
import { estateSettings } from '../../directory/index.js';
import type { AppContext } from '../../platform/context.js';
import { requireEstateRecord } from '../items/access.js';
import { allocationsOf, listPaymentRows } from '../ledger.store.js';
import { presentPayment } from '../present.js';
import { dayBounds } from '../rules.js';

/** R-FE-2: the estate's receipts, newest first: by unit, cashier's day, days received, number or payer. */
export async function listFeePayments(
  ctx: AppContext,
  opts: { actor: Actor; estateId: string; query: z.infer<typeof ListFeePaymentsQuery> },
) {
  await requireEstateRecord(ctx, opts.actor, opts.estateId, 'fee.account.read');
  const { page, pageSize, unitId, cashierDayId, from, to, q, voided } = opts.query;
  const { timeZone } = await estateSettings(ctx.db, opts.estateId);
  const { rows, total } = await listPaymentRows(
    ctx.db,
    opts.estateId,
    {
      unitId,
      cashierDayId,
      q,
      fromInstant: from ? dayBounds(from, timeZone).start : undefined,
      beforeInstant: to ? dayBounds(to, timeZone).end : undefined,
      voided: voided === undefined ? undefined : voided === 'true',
    },
    { page, pageSize },
  );
  const allocations = await allocationsOf(
    ctx.db,
    opts.estateId,
    rows.map((r) => r.id),
  );
  return { items: rows.map((r) => presentPayment(r, allocations)), total, page, pageSize };
}
