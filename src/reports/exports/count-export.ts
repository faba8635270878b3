import type { Actor } from '../../auth/index.js';
import type { ExportCount, ExportDataset } from '../../contract/exports.js';
import type { AppContext } from '../../platform/context.js';
import { DATASETS } from './datasets.js';
import { exportablePeriod } from './period.js';

/** How many rows the export of a dataset over a period holds, so the browser can show progress. */
export async function countExport(
  ctx: AppContext,
  opts: { actor: Actor; estateId: string; dataset: ExportDataset; from: string; to: string },
): Promise<ExportCount> {
  const { estate, range } = await exportablePeriod(ctx, opts);
  return { dataset: opts.dataset, rows: await DATASETS[opts.dataset].count(ctx.db, estate.id, range) };
}
