import { once } from 'node:events';
import { PassThrough, Readable } from 'node:stream';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { stringify } from 'csv-stringify/sync';
import { neutraliseCell } from '../../platform/tabular.js';
import type { Cell } from './datasets.js';

/** Pages of cells, as the export reads them: one page is in memory at a time. */
export type CellPages = AsyncIterable<Cell[][]>;

const csvCell = (c: Cell) => (c === null ? '' : typeof c === 'string' ? neutraliseCell(c) : c);

/**
 * CSV (UTF-8 with a BOM, so spreadsheet programs read Chinese; formula-like text neutralised),
 * written a page at a time as the reader asks for more: the next page is read only when the
 * reply has taken the last.
 */
export function csvStream(headers: string[], pages: CellPages): Readable {
  async function* chunks() {
    yield `\uFEFF${stringify([headers.map(neutraliseCell)])}`;
    for await (const page of pages) yield stringify(page.map((cells) => cells.map(csvCell)));
  }
  return Readable.from(chunks(), { objectMode: false });
}

/**
 * XLSX through exceljs's streaming writer: rows are committed as they are written (no shared
 * strings: text cells are inline text, never formulas), and after each page the writer waits
 * until the reply has taken what was written.
 */
export async function xlsxStream(sheetName: string, headers: string[], pages: CellPages): Promise<Readable> {
  const { default: Excel } = await import('exceljs');
  const out = new PassThrough();
  const workbook = new Excel.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: false });
  const sheet = workbook.addWorksheet(sheetName);
  sheet.columns = headers.map(() => ({ width: 18 }));
  const write = async () => {
    sheet.addRow(headers).commit();
    for await (const page of pages) {
      if (out.destroyed) return;
      for (const cells of page) sheet.addRow(cells.map((c) => c ?? '')).commit();
      // Let the zip deflate what was written, and wait while the reply is full.
      await nextTurn();
      while (out.readableLength > out.readableHighWaterMark && !out.destroyed) await Promise.race([once(out, 'drain'), nextTurn(20)]);
    }
    sheet.commit();
    await workbook.commit();
  };
  write().catch((err: Error) => out.destroy(err));
  return out;
}
