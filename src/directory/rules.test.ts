import { describe, expect, it } from 'vitest';
import {
  buildingKey,
  checkResidentRows,
  checkUnitRows,
  compareUnitsNaturally,
  matchRank,
  parseUnitQuery,
  preferenceColumns,
} from './rules.js';

const sheet = (headers: string[], ...rows: string[][]) => ({
  headers,
  rows: rows.map((cells, i) => ({ row: i + 2, cells: Object.fromEntries(headers.map((h, j) => [h, cells[j] ?? ''])) })),
});
const U = ['building', 'number', 'floor', 'area_m2'];
const R = ['name', 'phone', 'phone_alt', 'email', 'kind', 'building', 'unit', 'title', 'locale', 'notify_channel', 'opt_out'];

describe('unit import rows', () => {
  const cases: { name: string; rows: string[][]; errors: [number, string, string][] }[] = [
    { name: 'a good row passes', rows: [['A座', '12A', '12', '55.5']], errors: [] },
    { name: 'area may be left out', rows: [['A座', '12A', '12', '']], errors: [] },
    { name: 'a floor that is not a number', rows: [['A座', '12A', 'abc', '']], errors: [[2, 'floor', 'invalid_number']] },
    { name: 'a fractional floor', rows: [['A座', '12A', '1.5', '']], errors: [[2, 'floor', 'invalid_number']] },
    { name: 'a missing building', rows: [['', '12A', '12', '']], errors: [[2, 'building', 'required']] },
    { name: 'a missing number', rows: [['A座', '', '12', '']], errors: [[2, 'number', 'required']] },
    { name: 'a negative area', rows: [['A座', '12A', '12', '-3']], errors: [[2, 'area_m2', 'invalid_number']] },
    {
      name: 'the same unit twice names the second row',
      rows: [
        ['A座', '12A', '12', ''],
        ['B座', '12A', '12', ''],
        ['A座', '12A', '12', ''],
      ],
      errors: [[4, 'number', 'duplicate_in_file']],
    },
    {
      name: 'every bad row is reported, not just the first',
      rows: [
        ['A座', '1A', 'x', ''],
        ['A座', '1B', '1', ''],
        ['', '1C', 'y', ''],
      ],
      errors: [
        [2, 'floor', 'invalid_number'],
        [4, 'building', 'required'],
        [4, 'floor', 'invalid_number'],
      ],
    },
  ];
  it.each(cases)('$name', ({ rows, errors }) => {
    const result = checkUnitRows(sheet(U, ...rows));
    expect(result.errors.map((e) => [e.row, e.column, e.reason])).toEqual(errors);
    if (!errors.length) expect(result.rows).toHaveLength(rows.length);
  });

  it('a header without a required column is reported on row 1', () => {
    const result = checkUnitRows(sheet(['building', 'number'], ['A座', '1A']));
    expect(result.errors).toEqual([expect.objectContaining({ row: 1, column: 'floor', reason: 'missing_column' })]);
  });

  it('parses numbers into numbers', () => {
    const { rows } = checkUnitRows(sheet(U, ['A座', '3B', '3', '48.25']));
    expect(rows[0]).toEqual({ row: 2, building: 'A座', number: '3B', floor: 3, areaM2: 48.25 });
  });
});

describe('resident import rows', () => {
  const cases: { name: string; row: string[]; errors: [string, string][] }[] = [
    { name: 'a good owner', row: ['陳大文', '91234567', '', 'chan@example.com', 'owner', 'A座', '1A'], errors: [] },
    { name: 'kind in Chinese (業主)', row: ['陳大文', '', '', '', '業主', '', ''], errors: [] },
    { name: 'kind in Simplified Chinese (租户)', row: ['陈大文', '', '', '', '租户', '', ''], errors: [] },
    { name: 'an unknown kind', row: ['陳大文', '', '', '', 'landlord', '', ''], errors: [['kind', 'invalid_kind']] },
    { name: 'a bad email', row: ['陳大文', '', '', 'not-an-email', 'owner', '', ''], errors: [['email', 'invalid_email']] },
    { name: 'a bad phone', row: ['陳大文', 'call me', '', '', 'owner', '', ''], errors: [['phone', 'invalid_phone']] },
    { name: 'a unit without its building', row: ['陳大文', '', '', '', 'owner', '', '1A'], errors: [['building', 'required']] },
    { name: 'a missing name', row: ['', '', '', '', 'owner', '', ''], errors: [['name', 'required']] },
    { name: 'an unknown form of address', row: ['陳大文', '', '', '', 'owner', '', '', 'Dr'], errors: [['title', 'invalid_title']] },
  ];
  it.each(cases)('$name', ({ row, errors }) => {
    const result = checkResidentRows(sheet(R, row));
    expect(result.errors.map((e) => [e.column, e.reason])).toEqual(errors);
  });

  it('echoes the bad cell with its error, and no value for an empty one', () => {
    const { errors } = checkResidentRows(sheet(R, ['陳大文', 'call me', '', 'not-an-email', 'landlord', '', '1A']));
    expect(errors.map((e) => [e.column, e.value])).toEqual([
      ['phone', 'call me'],
      ['email', 'not-an-email'],
      ['kind', 'landlord'],
      ['building', undefined],
    ]);
  });

  it('maps 業主/租客 to owner/tenant', () => {
    const { rows } = checkResidentRows(sheet(R, ['甲', '', '', '', '業主', '', ''], ['乙', '', '', '', '租客', '', '']));
    expect(rows.map((r) => r.kind)).toEqual(['owner', 'tenant']);
  });

  it('R-WD-2: reads the form of address as stored, in Chinese or in English, and none when the cell is empty', () => {
    const { rows, errors } = checkResidentRows(
      sheet(
        R,
        ['甲', '', '', '', '業主', '', '', '先生'],
        ['乙', '', '', '', '業主', '', '', '太太'],
        ['丙', '', '', '', '業主', '', '', 'Miss'],
        ['丁', '', '', '', '業主', '', '', 'ms'],
        ['戊', '', '', '', '業主', '', '', ''],
      ),
    );
    expect(errors).toEqual([]);
    expect(rows.map((r) => r.title)).toEqual(['mr', 'mrs', 'miss', 'ms', null]);
  });

  it('a file without the title column still imports (the column is optional)', () => {
    const { rows, errors } = checkResidentRows(sheet(R.slice(0, 7), ['甲', '', '', '', '業主', '', '']));
    expect(errors).toEqual([]);
    expect(rows[0]?.title).toBeNull();
  });
});

describe('finding a unit by what a person types', () => {
  const cases: [string, { building: string | null; unit: string }][] = [
    ['A座 12B', { building: 'A', unit: '12B' }],
    ['A座12B', { building: 'A', unit: '12B' }],
    ['A棟12B', { building: 'A', unit: '12B' }],
    ['A栋 12b', { building: 'A', unit: '12B' }],
    ['a幢 12b', { building: 'A', unit: '12B' }],
    ['Block A 12B', { building: 'A', unit: '12B' }],
    ['BLK A, 12B', { building: 'A', unit: '12B' }],
    ['Tower 2 12B', { building: '2', unit: '12B' }],
    ['12B A座', { building: 'A', unit: '12B' }],
    ['12B, Block A', { building: 'A', unit: '12B' }],
    ['Ａ座　１２Ｂ', { building: 'A', unit: '12B' }],
    ['海景閣 12B', { building: '海景阁', unit: '12B' }],
    ['12B 海景阁', { building: '海景阁', unit: '12B' }],
    ['12B', { building: null, unit: '12B' }],
    ['12 b', { building: null, unit: '12B' }],
    ['3a', { building: null, unit: '3A' }],
  ];
  it.each(cases)('%s', (text, wanted) => {
    expect(parseUnitQuery(text)).toEqual(wanted);
  });

  it('a stored building name reduces to the same key, Traditional or Simplified', () => {
    expect(['A座', 'A棟', 'A栋', 'Block A', 'a 座'].map(buildingKey)).toEqual(['A', 'A', 'A', 'A', 'A']);
    expect(buildingKey('海景閣')).toBe(buildingKey('海景阁'));
  });

  it('exact before prefix before contains', () => {
    expect(['3A', '3AB', '13A', '12B'].map((n) => matchRank(n, '3A'))).toEqual([0, 1, 2, null]);
  });

  it('units in natural order: by building, then 3A, 13A, 23A', () => {
    const units = ['23A', '3A', '13A'].map((number) => ({ buildingName: 'A座', number }));
    units.push({ buildingName: 'B座', number: '1A' });
    expect([...units].sort(compareUnitsNaturally).map((u) => `${u.buildingName} ${u.number}`)).toEqual([
      'A座 3A',
      'A座 13A',
      'A座 23A',
      'B座 1A',
    ]);
  });
});

describe("R-CP-5: the columns a resident's preferences set", () => {
  it('sets only what was given, flags as 0 or 1, and null for the automatic channel', () => {
    expect(preferenceColumns({})).toEqual({});
    expect(preferenceColumns({ locale: 'en', notifyChannel: null, optOut: { sms: true, portal: false } })).toEqual({
      locale: 'en',
      notify_channel: null,
      sms_opt_out: 1,
      portal_opt_out: 0,
    });
    expect(preferenceColumns({ notifyChannel: 'email' })).toEqual({ notify_channel: 'email' });
  });
});
