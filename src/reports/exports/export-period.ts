import type { Readable } from 'node:stream';
import type { Actor } from '../../auth/index.js';
import type { ExportDataset, ExportFormat } from '../../contract/exports.js';
import type { AppContext } from '../../platform/context.js';
import type { PageKey } from '../../platform/period-pages.js';
import { type Cell, cellFormat, DATASETS } from './datasets.js';
import { exportHeaders } from './headers.js';
import { exportablePeriod } from './period.js';
import { csvStream, xlsxStream } from './writers.js';

/** Rows read per query: a page is all the export holds in memory. */
export const EXPORT_PAGE_ROWS = 250;

export interface PeriodExport {
  rows: number;
  fileName: string;
  contentType: string;
  body: Readable;
}

/**
 * An estate's records of a dataset over whole days in its zone, as a CSV or XLSX stream: the
 * row count first (for the reply's header), then pages in (time, id) order through the owning
 * capability's store, each written before the next is read.
 */
export async function exportPeriod(
  ctx: AppContext,
  opts: { actor: Actor; estateId: string; dataset: ExportDataset; from: string; to: string; format: ExportFormat },
): Promise<PeriodExport> {
  const { estate, range } = await exportablePeriod(ctx, opts);
  const spec = DATASETS[opts.dataset];
  const rows = await spec.count(ctx.db, estate.id, range);
  const format = cellFormat(estate.timeZone, opts.format);
  async function* pages(): AsyncGenerator<Cell[][]> {
    let after: PageKey | null = null;
    for (;;) {
      const page = await spec.page(ctx.db, { estateId: estate.id, range, after, limit: EXPORT_PAGE_ROWS });
      if (page.length) yield page.map((r) => spec.line(r, format));
      const last = page.at(-1);
      if (!last || page.length < EXPORT_PAGE_ROWS) return;
      after = { at: last.at, id: last.id };
    }
  }
  const headers = exportHeaders(opts.actor.locale, opts.dataset);
  const fileName = `${estate.code}-${opts.dataset}-${opts.from}-${opts.to}.${opts.format}`.replace(/[^\w.-]+/g, '_');
  if (opts.format === 'csv') return { rows, fileName, contentType: 'text/csv; charset=utf-8', body: csvStream(headers, pages()) };
  return {
    rows,
    fileName,
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    body: xlsxStream(opts.dataset, headers, pages()),
  };
}
