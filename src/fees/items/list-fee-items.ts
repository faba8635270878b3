import type { z } from 'zod';
import type { Actor } from '../../auth/index.js';
import type { ListFeeItemsQuery } from '../../contract/fees.js';
import type { AppContext } from '../../platform/context.js';
import { presentFeeItem } from '../present.js';
import { listFeeItemRows } from '../store.js';
import { requireEstateRecord } from './access.js';

/** R-FE-1: an estate's fee schedule, by item and latest period first; optionally what is in force on a day. */
export async function listFeeItems(ctx: AppContext, opts: { actor: Actor; estateId: string; query: z.infer<typeof ListFeeItemsQuery> }) {
  await requireEstateRecord(ctx, opts.actor, opts.estateId, 'fee.read');
  const { q, basis, inForceOn, page, pageSize } = opts.query;
  const { rows, total } = await listFeeItemRows(ctx.db, opts.estateId, { q, basis, inForceOn }, { page, pageSize });
  return { items: rows.map(presentFeeItem), total, page, pageSize };
}
