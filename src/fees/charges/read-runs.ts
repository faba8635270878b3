import type { z } from 'zod';
import type { Actor } from '../../auth/index.js';
import type { FeeChargeRun, ListFeeChargeRunsQuery } from '../../contract/fees.js';
import type { AppContext } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
import { findRun, listRunRows } from '../days.store.js';
import { requireEstateRecord } from '../items/access.js';
import { presentRun } from '../present.js';

/** R-FE-3: a charge run and its progress (processed of total units), for a screen to poll. */
export async function getFeeChargeRun(ctx: AppContext, opts: { actor: Actor; estateId: string; runId: string }): Promise<FeeChargeRun> {
  await requireEstateRecord(ctx, opts.actor, opts.estateId, 'fee.charge');
  const row = await findRun(ctx.db, opts.estateId, opts.runId);
  if (!row) throw notFound('fee charge run');
  return presentRun(row);
}

/** R-FE-3: the estate's charge runs, the latest first. */
export async function listFeeChargeRuns(
  ctx: AppContext,
  opts: { actor: Actor; estateId: string; query: z.infer<typeof ListFeeChargeRunsQuery> },
) {
  await requireEstateRecord(ctx, opts.actor, opts.estateId, 'fee.charge');
  const { page, pageSize, period } = opts.query;
  const { rows, total } = await listRunRows(ctx.db, opts.estateId, period, { page, pageSize });
  return { items: rows.map(presentRun), total, page, pageSize };
}
