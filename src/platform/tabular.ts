import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { AppError } from './errors.js';

/** A sheet read from CSV or XLSX: its header cells and its data rows, numbered as a spreadsheet shows them. */
export interface Sheet {
  headers: string[];
  rows: { row: number; cells: Record<string, string> }[];
}

export type TabularFormat = 'csv' | 'xlsx';

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

/** Reads the first sheet of a CSV (UTF-8, BOM allowed) or XLSX file; header names are mapped through aliases. */
export async function readSheet(format: TabularFormat, content: Buffer, headerAliases: Record<string, string>): Promise<Sheet> {
  if (format === 'csv') {
    let table: string[][];
    try {
      table = parse(content, { bom: true, relax_column_count: true, skip_empty_lines: false }) as string[][];
    } catch (err) {
      throw new AppError('import.unreadable_file', `contentBase64: not a readable CSV file (${(err as Error).message})`, {
        field: 'contentBase64',
      });
    }
    return toSheet(table, headerAliases);
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(content as unknown as ArrayBuffer);
  } catch {
    throw new AppError('import.unreadable_file', 'contentBase64: not a readable XLSX file', { field: 'contentBase64' });
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new AppError('import.unreadable_file', 'the workbook has no sheet', { field: 'contentBase64' });
  const table: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const values = row.values as ExcelJS.CellValue[];
    table[rowNumber - 1] = values.slice(1).map(cellText);
  });
  for (let i = 0; i < table.length; i++) table[i] ??= [];
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
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  sheet.addRow(headers).font = { bold: true };
  for (const r of rows) sheet.addRow(r.map((c) => (c === null ? '' : c)));
  sheet.columns.forEach((col) => {
    col.width = 16;
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
