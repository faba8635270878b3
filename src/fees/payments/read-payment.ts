import type { Actor } from '../../auth/index.js';
import type { FeePayment } from '../../contract/fees.js';
import type { AppContext } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
import type { Trx } from '../../platform/use-case.js';
import { requireEstateRecord } from '../items/access.js';
import { allocationsOf, findPayment } from '../ledger.store.js';
import { presentPayment } from '../present.js';

type Db = AppContext['db'] | Trx;

/** A receipt as the API shows it, with its allocations and its void; 404 when not the estate's. */
export async function paymentOf(db: Db, estateId: string, paymentId: string): Promise<FeePayment> {
  const row = await findPayment(db, estateId, paymentId);
  if (!row) throw notFound('fee payment');
  return presentPayment(row, await allocationsOf(db, estateId, [row.id]));
}

/** R-FE-2: one receipt of the estate. */
export async function getFeePayment(ctx: AppContext, opts: { actor: Actor; estateId: string; paymentId: string }): Promise<FeePayment> {
  await requireEstateRecord(ctx, opts.actor, opts.estateId, 'fee.account.read');
  return paymentOf(ctx.db, opts.estateId, opts.paymentId);
}
