import { Readable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import type ExcelJS from 'exceljs';
import { AppError } from './errors.js';
import { inflatedSize, rezip, type ZipEntry, ZipTooLarge, zipEntries } from './zip.js';

/** A sheet read from CSV or XLSX: its header cells and its data rows, numbered as a spreadsheet shows them. */
export interface Sheet {
  headers: string[];
  rows: { row: number; cells: Record<string, string> }[];
}

export type TabularFormat = 'csv' | 'xlsx';

/** The XLSX library is loaded with the first spreadsheet: it is the largest part of the server's start-up time. */
const loadExcel = () => import('exceljs');

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('result' in value) return value.result === undefined ? '' : String(value.result);
    return '';
  }
  return String(value);
}

// Text that already starts with quotes before such a character gets one more, so the importer's
// stripping of one quote gives back exactly what was exported.
const QUOTED_FORMULA_START = /^'*[=+\-@\t\r]/;

/**
 * A spreadsheet program runs a CSV cell that starts with = + - @, a tab or a carriage return as
 * a formula (`=HYPERLINK(…)`, `=cmd|' /C calc'!A0`). Such text is written with a leading single
 * quote (OWASP's advice), which every program shows as text; a phone number `+852 …` gets one too.
 */
export function neutraliseCell(value: string): string {
  return QUOTED_FORMULA_START.test(value) ? `'${value}` : value;
}

/** The importer's side of `neutraliseCell`: `'+852 …` reads back as `+852 …`, so export → import changes nothing. */
export function restoreCell(value: string): string {
  return value.startsWith("'") && QUOTED_FORMULA_START.test(value.slice(1)) ? value.slice(1) : value;
}

function toSheet(table: string[][], headerAliases: Record<string, string>): Sheet {
  const [header, ...body] = table;
  if (!header) throw new AppError('import.unreadable_file', 'the file is empty', { field: 'contentBase64' });
  const headers = header.map((h) => {
    const key = h.trim().toLowerCase();
    return headerAliases[key] ?? key;
  });
  const rows: Sheet['rows'] = [];
  body.forEach((cells, i) => {
    if (cells.every((c) => c.trim() === '')) return;
    const record: Record<string, string> = {};
    headers.forEach((h, j) => {
      record[h] = restoreCell(cells[j] ?? '').trim();
    });
    rows.push({ row: i + 2, cells: record });
  });
  return { headers, rows };
}

/**
 * What one import may hold. A 0.6 MB XLSX can unpack to hundreds of megabytes, so a workbook is
 * never loaded whole: its parts are measured by inflating them up to what is left of the budget,
 * then the sheet is read as a stream, row by row, counting rows, columns and filled cells.
 */
export const IMPORT_LIMITS = {
  /** Everything read from the file, unpacked: the CSV text, or the workbook parts of an XLSX. */
  uncompressedBytes: 32 * 1024 * 1024,
  rows: 50_000,
  columns: 50,
  cells: 500_000,
};

export type ImportLimits = typeof IMPORT_LIMITS;

const LIMIT_TEXT: Record<keyof ImportLimits, (max: number) => string> = {
  uncompressedBytes: (max) => `the file unpacks to more than ${max / 1024 / 1024} MiB`,
  rows: (max) => `the file has more than ${max} rows`,
  columns: (max) => `a row has more than ${max} columns`,
  cells: (max) => `the file has more than ${max} filled cells`,
};

/** Refuses a file beyond one of the limits, naming the limit (413). */
function tooLarge(limits: ImportLimits, limit: keyof ImportLimits): AppError {
  const max = limits[limit];
  return new AppError(
    'import.too_large',
    `contentBase64: ${LIMIT_TEXT[limit](max)}; split it into smaller files (limit ${limit}: ${max})`,
    {
      field: 'contentBase64',
      limit,
      max,
    },
  );
}

const unreadable = (what: string) => new AppError('import.unreadable_file', `contentBase64: ${what}`, { field: 'contentBase64' });

/** Counts rows, columns and filled cells as they are read, refusing past the limits. */
function counter(limits: ImportLimits) {
  let cells = 0;
  return (rowNumber: number, columns: number, filled: number) => {
    if (rowNumber > limits.rows + 1) throw tooLarge(limits, 'rows');
    if (columns > limits.columns) throw tooLarge(limits, 'columns');
    cells += filled;
    if (cells > limits.cells) throw tooLarge(limits, 'cells');
  };
}

/** The rows of a CSV file as they are (no header row taken), within the import limits. */
export function readCsvTable(content: Buffer, limits: ImportLimits = IMPORT_LIMITS): string[][] {
  if (content.length > limits.uncompressedBytes) throw tooLarge(limits, 'uncompressedBytes');
  const count = counter(limits);
  let rowNumber = 0;
  try {
    return parse(content, {
      bom: true,
      relax_column_count: true,
      skip_empty_lines: false,
      on_record: (record: string[]) => {
        count(++rowNumber, record.length, record.filter((c) => c !== '').length);
        return record;
      },
    }) as string[][];
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw unreadable(`not a readable CSV file (${(err as Error).message})`);
  }
}

const SHEET = /^xl\/worksheets\/sheet(\d+)\.xml$/;
const WORKBOOK_PARTS = ['xl/_rels/workbook.xml.rels', 'xl/workbook.xml', 'xl/sharedStrings.xml'];

async function readXlsxTable(content: Buffer, limits: ImportLimits): Promise<string[][]> {
  let entries: ZipEntry[];
  try {
    entries = zipEntries(content);
  } catch {
    throw unreadable('not a readable XLSX file');
  }
  // The first sheet, and only the parts needed to read it.
  const sheet = entries
    .filter((e) => SHEET.test(e.name))
    .sort((a, b) => Number(SHEET.exec(a.name)?.[1]) - Number(SHEET.exec(b.name)?.[1]))[0];
  if (!sheet) throw unreadable('the workbook has no sheet');
  const parts = [...WORKBOOK_PARTS.flatMap((name) => entries.filter((e) => e.name === name).slice(0, 1)), sheet];
  let budget = limits.uncompressedBytes;
  const measured: (ZipEntry & { inflatedSize: number })[] = [];
  for (const part of parts) {
    try {
      const size = await inflatedSize(content, part, budget);
      budget -= size;
      measured.push({ ...part, inflatedSize: size });
    } catch (err) {
      if (err instanceof ZipTooLarge) throw tooLarge(limits, 'uncompressedBytes');
      throw unreadable('not a readable XLSX file');
    }
  }
  // The reader inflates exactly the parts measured above, as a stream.
  const { default: Excel } = await loadExcel();
  const reader = new Excel.stream.xlsx.WorkbookReader(Readable.from([rezip(content, measured)]), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'ignore',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  const count = counter(limits);
  const table: string[][] = [];
  try {
    for await (const worksheet of reader) {
      for await (const row of worksheet) {
        count(row.number, row.cellCount, row.actualCellCount);
        table[row.number - 1] = (row.values as ExcelJS.CellValue[]).slice(1).map(cellText);
      }
      break;
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw unreadable('not a readable XLSX file');
  }
  for (let i = 0; i < table.length; i++) table[i] ??= [];
  return table;
}

/**
 * Reads the first sheet of a CSV (UTF-8, BOM allowed) or XLSX file within the import limits;
 * header names are mapped through aliases.
 */
export async function readSheet(
  format: TabularFormat,
  content: Buffer,
  headerAliases: Record<string, string>,
  limits: ImportLimits = IMPORT_LIMITS,
): Promise<Sheet> {
  const table = format === 'csv' ? readCsvTable(content, limits) : await readXlsxTable(content, limits);
  return toSheet(table, headerAliases);
}

/** Writes rows as CSV (with a BOM so spreadsheet programs read Chinese correctly; formula-like text neutralised) or XLSX. */
export async function writeSheet(
  format: TabularFormat,
  sheetName: string,
  headers: string[],
  rows: (string | number | null)[][],
): Promise<Buffer> {
  if (format === 'csv') {
    const cells = rows.map((r) => r.map((c) => (c === null ? '' : typeof c === 'string' ? neutraliseCell(c) : c)));
    return Buffer.from(`\uFEFF${stringify([headers.map(neutraliseCell), ...cells])}`, 'utf8');
  }
  // XLSX cells are written as text (shared strings), never as formulas: nothing to neutralise.
  const { default: Excel } = await loadExcel();
  const workbook = new Excel.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  sheet.addRow(headers).font = { bold: true };
  for (const r of rows) sheet.addRow(r.map((c) => (c === null ? '' : c)));
  sheet.columns.forEach((col) => {
    col.width = 16;
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
