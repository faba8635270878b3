import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify/sync';
import { neutraliseCell } from '../../platform/tabular.js';
import { xlsxStream as writeXlsx } from '../../platform/xlsx-stream.js';
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

/** XLSX through the platform's streaming writer: the next page is read only when the zip has taken the last. */
export function xlsxStream(sheetName: string, headers: string[], pages: CellPages): Readable {
  return writeXlsx(sheetName, headers, pages);
}
