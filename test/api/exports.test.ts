import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEstate, buildStaff, buildWorld } from '../support/factories.js';
import { type Client, createTestApp, ENGINE, type TestApp } from '../support/harness.js';

/** Period exports: a dataset's records over whole days in the estate's zone, as CSV and XLSX. */
const ZONE = 'Asia/Hong_Kong';
const FROM = '2026-06-01';
const TO = '2026-06-30';
// 2026-06-01 00:00 and 2026-07-01 00:00 in Hong Kong.
const START = '2026-05-31T16:00:00.000Z';
const END = '2026-06-30T16:00:00.000Z';
const ms = (iso: string, delta: number) => new Date(Date.parse(iso) + delta).toISOString();
/** Just before the period, its first instant, inside, its last second, and its end (outside). */
const TIMES = [ms(START, -1000), START, '2026-06-15T03:00:00.000Z', ms(END, -1000), END];
const local = (iso: string | null) => (iso ? DateTime.fromISO(iso, { zone: ZONE }).toFormat('yyyy-MM-dd HH:mm:ss') : '');
const FORMULA = '=HYPERLINK("http://evil.example","click")';

type Table = string[][];

async function csvOf(c: Client, url: string) {
  const res = await c.get(url);
  expect(res.status, String(res.body).slice(0, 300)).toBe(200);
  const text = String(res.body);
  expect(text.startsWith('\uFEFF')).toBe(true);
  return { res, table: parse(text, { bom: true }) as Table };
}

async function xlsxOf(t: TestApp, c: Client, url: string) {
  const res = await t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: { cookie: c.cookie as string } });
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  const table: Table = [];
  sheet?.eachRow((row) => {
    table.push((row.values as ExcelJS.CellValue[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v))));
  });
  return { res, table };
}

describe(`period exports [${ENGINE}]`, () => {
  let t: TestApp;
  let estateId: string;
  let code: string;
  let boss: Client;

  beforeAll(async () => {
    t = await createTestApp({ now: '2026-12-10T02:00:00.000Z' });
    const world = await buildWorld(t);
    estateId = world.estate.id;
    code = world.estate.code;
    const depts = await t.admin.get(`/estates/${estateId}/departments`);
    const engineering = depts.body.items.find((d: { code: string }) => d.code === 'engineering');
    await buildStaff(t, estateId, { username: 'boss', role: 'manager' });
    await buildStaff(t, estateId, { username: 'desk', role: 'receptionist' });
    const fixerId = (await buildStaff(t, estateId, { username: 'fixer', role: 'maintenance', departmentId: engineering.id })).id;
    boss = await t.as('boss');
    const desk = await t.as('desk');
    const fixer = await t.as('fixer');
    const unitId = world.unit.id;
    await boss.post(`/estates/${estateId}/fee-items`, {
      code: 'parking',
      name: '車位月租',
      basis: 'per_unit_month',
      rate: 2800000,
      effectiveFrom: '2026-01-01',
    });
    expect((await boss.post(`/estates/${estateId}/fee-charge-runs`, { period: '2026-05' })).status).toBe(201);
    for (const [i, at] of TIMES.entries()) {
      t.clock.set('2026-12-10T02:00:00.000Z');
      const made = await desk.post(`/estates/${estateId}/cases`, {
        kind: 'inquiry',
        channel: 'phone',
        unitId,
        residentName: '陳大文',
        residentPhone: '+852 9123 4567',
        description: i === 2 ? FORMULA : `查詢${i}`,
        occurredAt: at,
      });
      expect(made.status, JSON.stringify(made.body)).toBe(201);
      const call = await desk.post(`/estates/${estateId}/calls`, {
        occurredAt: at,
        durationSeconds: 60 + i,
        callerName: `來電${i}`,
        unitId,
        purpose: 'inquiry',
        outcome: 'answered',
        note: i === 2 ? '-1+2' : `備註${i}`,
      });
      expect(call.status, JSON.stringify(call.body)).toBe(201);
      const visit = await desk.post(`/estates/${estateId}/visits`, { occurredAt: at, visitorName: `訪客${i}`, unitId, purpose: 'inquiry' });
      expect(visit.status, JSON.stringify(visit.body)).toBe(201);
      t.clock.set(at);
      const paid = await desk.post(`/estates/${estateId}/fee-payments`, {
        unitId,
        payer: `繳款人${i}`,
        method: 'cash',
        amount: 123450 + i,
      });
      expect(paid.status, JSON.stringify(paid.body)).toBe(201);
      if (i === 2) {
        t.clock.set('2026-06-20T02:00:00.000Z');
        expect((await boss.post(`/estates/${estateId}/fee-payments/${paid.body.id}/void`, { reason: '重複收款' })).status).toBe(200);
      }
    }
    t.clock.set('2026-12-10T02:00:00.000Z');
    // A repair completed in June opens a follow-up; its visit finds a problem and a notice is issued.
    const repair = await desk.post(`/estates/${estateId}/cases`, {
      kind: 'repair',
      channel: 'phone',
      unitId,
      description: '浴室天花滲水',
      repairClass: 'other',
      occurredAt: '2026-06-08T01:00:00.000Z',
    });
    await desk.post(`/cases/${repair.body.id}/repair/start`, { maintenanceStaffId: fixerId, startedAt: '2026-06-09T01:00:00.000Z' });
    const done = await fixer.post(`/cases/${repair.body.id}/repair/complete`, {
      workDone: '已修妥',
      completedAt: '2026-06-10T01:00:00.000Z',
    });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    const followUps = await desk.get(`/estates/${estateId}/follow-ups?queue=all&caseId=${repair.body.id}&pageSize=50`);
    const followUpId = followUps.body.items[0].id as string;
    const recorded = await desk.post(`/follow-ups/${followUpId}/record`, {
      method: 'visit',
      result: 'problem',
      residentWords: '仲未整好',
      satisfaction: 2,
      problem: '天花仍然滲水',
      occurredAt: '2026-06-12T01:00:00.000Z',
    });
    expect(recorded.status, JSON.stringify(recorded.body)).toBe(200);
    const notice = await desk.post(`/estates/${estateId}/rectification-notices`, {
      occurredAt: '2026-06-13T01:00:00.000Z',
      followUpId,
      requiredAction: '重新做防水',
      deadlineAt: '2026-06-30T10:00:00.000Z',
    });
    expect(notice.status, JSON.stringify(notice.body)).toBe(201);
  });
  afterAll(async () => t.close());

  const url = (dataset: string, format = 'csv') => `/estates/${estateId}/exports/${dataset}?from=${FROM}&to=${TO}&format=${format}`;

  /** What the database holds for the period, by the dataset's time column, in (time, id) order. */
  async function held(table: 'cases' | 'calls' | 'visits' | 'fee_payments' | 'followups' | 'rectification_notices', column: string) {
    const rows = await t.ctx.db
      .selectFrom(table)
      .selectAll()
      .where('estate_id', '=', estateId)
      // biome-ignore lint/suspicious/noExplicitAny: the time column differs by table
      .where(column as any, '>=', START)
      // biome-ignore lint/suspicious/noExplicitAny: the time column differs by table
      .where(column as any, '<', END)
      // biome-ignore lint/suspicious/noExplicitAny: the time column differs by table
      .orderBy(column as any)
      .orderBy('id')
      .execute();
    return rows as unknown as Record<string, string | number | null>[];
  }

  it('exports each dataset as CSV and XLSX with the rows the database holds for the days in the estate’s zone', async () => {
    const expected: Record<string, { column: number; values: string[] }> = {
      cases: { column: 0, values: (await held('cases', 'occurred_at')).map((r) => String(r.number)) },
      calls: { column: 0, values: (await held('calls', 'started_at')).map((r) => local(r.started_at as string)) },
      visits: { column: 0, values: (await held('visits', 'arrived_at')).map((r) => local(r.arrived_at as string)) },
      payments: { column: 0, values: (await held('fee_payments', 'received_at')).map((r) => String(r.receipt_number)) },
      followups: { column: 1, values: (await held('followups', 'opened_at')).map((r) => local(r.opened_at as string)) },
      notices: {
        column: 0,
        values: (await held('rectification_notices', 'issued_at')).map((r) => `${r.year}-${String(r.number).padStart(4, '0')}`),
      },
    };
    // The boundaries: of five records, the one a second before 00:00 and the one at 24:00 are left out.
    expect(expected.cases?.values).toHaveLength(4);
    expect(expected.calls?.values).toEqual(TIMES.slice(1, 4).map(local));
    expect(expected.followups?.values).toHaveLength(1);
    expect(expected.notices?.values).toHaveLength(1);
    for (const [dataset, { column, values }] of Object.entries(expected)) {
      const csv = await csvOf(boss, url(dataset));
      expect(csv.res.headers['x-export-rows'], dataset).toBe(String(values.length));
      expect(csv.res.headers['content-disposition']).toBe(`attachment; filename="${code}-${dataset}-${FROM}-${TO}.csv"`);
      expect(
        csv.table.slice(1).map((r) => r[column]),
        `${dataset} csv`,
      ).toEqual(values);
      const xlsx = await xlsxOf(t, boss, url(dataset, 'xlsx'));
      expect(xlsx.res.headers['x-export-rows']).toBe(String(values.length));
      expect(xlsx.res.headers['content-disposition']).toBe(`attachment; filename="${code}-${dataset}-${FROM}-${TO}.xlsx"`);
      expect(
        xlsx.table.slice(1).map((r) => r[column]),
        `${dataset} xlsx`,
      ).toEqual(values);
      expect(xlsx.table[0]).toEqual(csv.table[0]);
      const count = await boss.get(`/estates/${estateId}/exports/${dataset}/count?from=${FROM}&to=${TO}`);
      expect(count.body).toEqual({ dataset, rows: values.length });
    }
  });

  it('shows times in the zone, neutralises formula-like text in CSV, keeps it as text in XLSX, and gives amounts as decimals with voids', async () => {
    const cases = (await csvOf(boss, url('cases'))).table;
    expect(cases[0]?.slice(0, 3)).toEqual(['個案編號', '發生時間', '記錄時間']);
    const formula = cases.find((r) => r[11]?.includes('HYPERLINK'));
    expect(formula?.[11]).toBe(`'${FORMULA}`);
    expect(formula?.[1]).toBe('2026-06-15 11:00:00');
    expect(formula?.[10]).toBe("'+852 9123 4567");
    expect(cases[1]?.[1]).toBe('2026-06-01 00:00:00');
    expect(cases.at(-1)?.[1]).toBe('2026-06-30 23:59:59');
    const calls = (await csvOf(boss, url('calls'))).table;
    expect(calls.map((r) => r[11])).toContain("'-1+2");
    const xlsxCases = (await xlsxOf(t, boss, url('cases', 'xlsx'))).table;
    expect(xlsxCases.map((r) => r[11])).toContain(FORMULA);

    const payments = (await csvOf(boss, url('payments'))).table;
    const voided = payments.find((r) => r[4] === '繳款人2');
    expect(voided?.slice(5, 8)).toEqual(['cash', '1234.52', 'HKD']);
    expect(voided?.[10]).toBe('2026-06-20 10:00:00');
    expect(voided?.[11]).toBe('重複收款');
    expect(payments.find((r) => r[4] === '繳款人1')?.[10]).toBe('');
    const xlsxPayments = (await xlsxOf(t, boss, url('payments', 'xlsx'))).table;
    expect(xlsxPayments.find((r) => r[4] === '繳款人2')?.[6]).toBe('1234.52');
  });

  it('writes the headers in the reader’s language', async () => {
    await t.ctx.db.updateTable('staff').set({ locale: 'en' }).where('username', '=', 'boss').execute();
    const header = (await csvOf(await t.as('boss'), url('payments'))).table[0];
    expect(header?.slice(0, 2)).toEqual(['Receipt number', 'Received']);
    await t.ctx.db.updateTable('staff').set({ locale: 'zh-Hans' }).where('username', '=', 'boss').execute();
    const hans = (await csvOf(await t.as('boss'), url('payments'))).table[0];
    expect(hans?.[0]).toBe('收据编号');
    await t.ctx.db.updateTable('staff').set({ locale: 'zh-Hant' }).where('username', '=', 'boss').execute();
  });

  it('refuses a receptionist (403), another estate (404) and bad input naming the field (400)', async () => {
    const desk = await t.as('desk');
    expect((await desk.get(url('cases'))).status).toBe(403);
    expect((await desk.get(`/estates/${estateId}/exports/cases/count?from=${FROM}&to=${TO}`)).status).toBe(403);
    const other = await buildEstate(t);
    await buildStaff(t, other.id, { username: 'otherboss', role: 'manager' });
    const outsider = await t.as('otherboss');
    expect((await outsider.get(url('cases'))).status).toBe(404);
    expect((await outsider.get(`/estates/${estateId}/exports/cases/count?from=${FROM}&to=${TO}`)).status).toBe(404);
    const bad = async (path: string, field: string) => {
      const res = await boss.get(path);
      expect(res.status, path).toBe(400);
      expect(JSON.stringify(res.body), path).toContain(field);
    };
    await bad(`/estates/${estateId}/exports/cases?from=2026-13-01&to=${TO}`, 'from');
    await bad(`/estates/${estateId}/exports/cases?from=${FROM}&to=2026-05-01`, 'to');
    await bad(`/estates/${estateId}/exports/cases?from=2025-01-01&to=2026-06-30`, 'to');
    await bad(`/estates/${estateId}/exports/cases?from=${FROM}&to=${TO}&format=pdf`, 'format');
    await bad(`/estates/${estateId}/exports/letters?from=${FROM}&to=${TO}`, 'dataset');
    await bad(`/estates/${estateId}/exports/cases/count?from=${FROM}`, 'to');
  });
});
