import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IMPORT_LIMITS, writeSheet } from '../../src/platform/tabular.js';
import { buildEstate } from '../support/factories.js';
import { createTestApp, ENGINE, type TestApp } from '../support/harness.js';
import { xlsxBomb } from '../support/xlsx-bomb.js';

const file = (format: 'csv' | 'xlsx', content: Buffer) => ({
  format,
  fileName: `units.${format}`,
  contentBase64: content.toString('base64'),
});
const unitsCsv = (rows: number, floor = 1) =>
  Buffer.from(`building,number,floor,area_m2\n${Array.from({ length: rows }, (_, i) => `A座,${i + 1}X,${floor},50`).join('\n')}\n`);

/** Imports are read as a stream within limits, and one runs at a time per estate. */
describe(`import limits [${ENGINE}]`, () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp();
  });
  afterEach(async () => t.close());

  const unitCount = async (estateId: string) =>
    Number(
      (
        await t.ctx.db
          .selectFrom('units')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('estate_id', '=', estateId)
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('an XLSX that unpacks to 400 MiB (under 2 MB sent) is refused with 413 naming the limit; nothing is imported and the server answers', async () => {
    const estate = await buildEstate(t);
    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 5);
    const answers = await Promise.all(
      (['sharedStrings', 'sheet'] as const).map(async (part) =>
        t.admin.post(`/estates/${estate.id}/units/import`, file('xlsx', await xlsxBomb({ megabytes: 400, part }))),
      ),
    );
    clearInterval(sampler);
    // One is refused for its size; the other, sent at the same time, finds the estate's import busy or is refused alike.
    for (const res of answers) expect([413, 409]).toContain(res.status);
    const refused = answers.find((r) => r.status === 413);
    expect(refused?.body.error).toMatchObject({
      code: 'import.too_large',
      details: { field: 'contentBase64', limit: 'uncompressedBytes', max: IMPORT_LIMITS.uncompressedBytes },
    });
    expect(refused?.body.error.message).toContain('uncompressedBytes');
    expect(peak - before).toBeLessThan(200 * 1024 * 1024);
    expect(await unitCount(estate.id)).toBe(0);
    expect((await t.admin.get('/health')).status).toBe(200);
    // Sent alone, the other bomb is refused the same way.
    const sheetBomb = await t.admin.post(
      `/estates/${estate.id}/units/import`,
      file('xlsx', await xlsxBomb({ megabytes: 400, part: 'sheet' })),
    );
    expect(sheetBomb.status).toBe(413);
    expect(sheetBomb.body.error.details.limit).toBe('uncompressedBytes');
  });

  it('a CSV with more rows than the limit is refused with 413 naming the rows limit', async () => {
    const estate = await buildEstate(t);
    const res = await t.admin.post(`/estates/${estate.id}/units/import`, file('csv', unitsCsv(IMPORT_LIMITS.rows + 1)));
    expect(res.status).toBe(413);
    expect(res.body.error).toMatchObject({ code: 'import.too_large', details: { limit: 'rows', max: IMPORT_LIMITS.rows } });
    expect(await unitCount(estate.id)).toBe(0);
  });

  // Builds and reads several large files one after another: slow on a busy machine, so it has a longer limit.
  it('a second import into an estate while one runs is refused with 409; another estate is not held; the estate is free again after success and after a refusal', async () => {
    const estate = await buildEstate(t);
    const other = await buildEstate(t);
    // Workbooks: reading one waits on inflating and streaming, so the two requests overlap.
    const workbook = await writeSheet(
      'xlsx',
      'units',
      ['building', 'number', 'floor', 'area_m2'],
      Array.from({ length: 1_500 }, (_, i) => ['A座', `${i + 1}X`, 1, 50]),
    );
    const [first, second, elsewhere] = await Promise.all([
      t.admin.post(`/estates/${estate.id}/units/import`, file('xlsx', workbook)),
      t.admin.post(`/estates/${estate.id}/units/import`, file('xlsx', workbook)),
      t.admin.post(`/estates/${other.id}/units/import`, file('xlsx', workbook)),
    ]);
    expect([first.status, second.status].sort()).toEqual([200, 409]);
    const busy = first.status === 409 ? first : second;
    expect(busy.body.error).toMatchObject({ code: 'import.busy', details: { estateId: estate.id } });
    expect(elsewhere.status).toBe(200);
    // Released after a success …
    const again = await t.admin.post(`/estates/${estate.id}/units/import`, file('csv', unitsCsv(10, 2)));
    expect(again.status).toBe(200);
    // … after rows that are refused …
    const invalid = await t.admin.post(
      `/estates/${estate.id}/units/import`,
      file('csv', Buffer.from('building,number,floor\nA座,1A,abc\n')),
    );
    expect(invalid.status).toBe(422);
    // … and after a file that is too large or unreadable.
    expect((await t.admin.post(`/estates/${estate.id}/units/import`, file('csv', unitsCsv(IMPORT_LIMITS.rows + 1)))).status).toBe(413);
    expect((await t.admin.post(`/estates/${estate.id}/units/import`, file('xlsx', Buffer.from('not a zip')))).status).toBe(422);
    const last = await t.admin.post(`/estates/${estate.id}/units/import`, file('csv', unitsCsv(10, 3)));
    expect(last.status).toBe(200);
  }, 120_000);
});
