import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildBuilding, buildEstate, buildStaff, buildUnit } from '../support/factories.js';
import { type Client, createTestApp, ENGINE, type TestApp } from '../support/harness.js';

/** Fees at the counter (R-FE-2..4): charges, payments and receipts, voids, arrears, the cashier's day. */

const MANAGEMENT = { code: 'management', name: '管理費', basis: 'per_m2_month', rate: 285, effectiveFrom: '2026-01-01' };
const PARKING = { code: 'parking', name: '車位月租', basis: 'per_unit_month', rate: 280000, effectiveFrom: '2026-01-01' };
const KEY_COPY = { code: 'key-copy', name: '鎖匙複製', basis: 'per_use', rate: 5000, effectiveFrom: '2026-01-01' };

async function count(t: TestApp, table: 'fee_charges' | 'fee_payments' | 'fee_allocations' | 'fee_payment_voids') {
  const { n } = await t.ctx.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(n);
}

describe(`fees at the counter [${ENGINE}]`, () => {
  let t: TestApp;
  let estateId: string;
  let unitA: string;
  let unitB: string;
  let manager: Client;
  let desk: Client;
  let desk2: Client;
  let dept: Client;

  beforeEach(async () => {
    t = await createTestApp({ now: '2026-11-20T02:00:00.000Z' });
    estateId = (await buildEstate(t)).id;
    const building = await buildBuilding(t, estateId, 'A座');
    unitA = (await buildUnit(t, estateId, { buildingId: building.id, number: '12B', areaM2: 65.3 })).id;
    unitB = (await buildUnit(t, estateId, { buildingId: building.id, number: '3A', areaM2: 40 })).id;
    await buildStaff(t, estateId, { username: 'mgr', role: 'manager' });
    await buildStaff(t, estateId, { username: 'desk', role: 'receptionist' });
    await buildStaff(t, estateId, { username: 'desk2', role: 'receptionist' });
    await buildStaff(t, estateId, { username: 'dept', role: 'department' });
    manager = await t.as('mgr');
    desk = await t.as('desk');
    desk2 = await t.as('desk2');
    dept = await t.as('dept');
    for (const item of [MANAGEMENT, PARKING, KEY_COPY])
      expect((await manager.post(`/estates/${estateId}/fee-items`, item)).status).toBe(201);
  });
  afterEach(async () => t.close());

  const pay = (client: Client, body: object, key?: string) =>
    client.request('POST', `/estates/${estateId}/fee-payments`, body, key ? { headers: { 'idempotency-key': key } } : {});

  it('R-FE-3: the preview shows what a run creates; the run charges each unit once, a second run creates nothing', async () => {
    const preview = await manager.get(`/estates/${estateId}/fee-charge-runs/preview?period=2026-11`);
    expect(preview.status).toBe(200);
    // 65.3 m² × 285 = 18,610.5 → 18,611 (half up); 40 m² × 285 = 11,400; parking 280,000 each.
    expect(preview.body).toMatchObject({
      period: '2026-11',
      units: 2,
      toCreate: 4,
      toCreateAmount: 18611 + 11400 + 2 * 280000,
      alreadyCharged: 0,
    });
    const run = await manager.post(`/estates/${estateId}/fee-charge-runs`, { period: '2026-11' });
    expect(run.status).toBe(201);
    expect(run.body).toMatchObject({
      state: 'done',
      totalUnits: 2,
      processedUnits: 2,
      chargesCreated: 4,
      amountCreated: 18611 + 11400 + 560000,
    });
    const again = await manager.post(`/estates/${estateId}/fee-charge-runs`, { period: '2026-11' });
    expect(again.body).toMatchObject({ state: 'done', chargesCreated: 0, amountCreated: 0 });
    expect(await count(t, 'fee_charges')).toBe(4);
    const after = await manager.get(`/estates/${estateId}/fee-charge-runs/preview?period=2026-11`);
    expect(after.body).toMatchObject({ toCreate: 0, alreadyCharged: 4 });
    const runs = await manager.get(`/estates/${estateId}/fee-charge-runs`);
    expect(runs.body.total).toBe(2);
    const polled = await manager.get(`/estates/${estateId}/fee-charge-runs/${run.body.id}`);
    expect(polled.body.processedUnits).toBe(2);
    const account = await desk.get(`/estates/${estateId}/fee-accounts/${unitA}`);
    expect(account.body.balance).toBe(18611 + 280000);
    expect(account.body.outstanding.map((c: { description: string }) => c.description).sort()).toEqual([
      '管理費 2026-11',
      '車位月租 2026-11',
    ]);
    // The counter runs no month.
    expect((await desk.post(`/estates/${estateId}/fee-charge-runs`, { period: '2026-12' })).status).toBe(403);
  });

  it('R-FE-3: a rate changing mid-month charges each day at its rate, pro rata, rounded half up once', async () => {
    const items = await manager.get(`/estates/${estateId}/fee-items?basis=per_m2_month`);
    const management = items.body.items[0].id;
    expect((await manager.post(`/fee-items/${management}/new-rate`, { effectiveFrom: '2026-11-16', rate: 300 })).status).toBe(201);
    await manager.post(`/estates/${estateId}/fee-charge-runs`, { period: '2026-11' });
    const charges = await manager.get(`/estates/${estateId}/fee-charges?unitId=${unitB}&feeItemCode=management`);
    // 40 m²: 15 days × 11,400 + 15 days × 12,000 over 30 days = 11,700.
    expect(charges.body.items.map((c: { amount: number }) => c.amount)).toEqual([11700]);
  });

  it('R-FE-2, R-FE-3: a payment pays the oldest charges first, issues receipt 2026-0001 with the amount in words; partial payments leave the rest owed', async () => {
    await manager.post(`/estates/${estateId}/fee-charge-runs`, { period: '2026-10' });
    await manager.post(`/estates/${estateId}/fee-charge-runs`, { period: '2026-11' });
    const res = await pay(desk, { unitId: unitB, payer: '陳大文', method: 'cash', amount: 300000 });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      receiptNumber: '2026-0001',
      amount: 300000,
      amountInWords: '港幣參仟圓整',
      voided: false,
      payer: '陳大文',
    });
    expect(res.body.unit).toMatchObject({ buildingName: 'A座', number: '3A' });
    // October's two charges first (parking then management by entry order), then November's.
    const paidOctober = res.body.allocations.filter((a: { period: string }) => a.period === '2026-10');
    expect(paidOctober.reduce((s: number, a: { amount: number }) => s + a.amount, 0)).toBe(291400);
    expect(res.body.allocations.reduce((s: number, a: { amount: number }) => s + a.amount, 0)).toBe(300000);
    const account = await desk.get(`/estates/${estateId}/fee-accounts/${unitB}`);
    expect(account.body.balance).toBe(2 * 291400 - 300000);
    expect(account.body.outstanding[0].outstanding).toBeLessThan(account.body.outstanding[0].amount);
    const over = await pay(desk, { unitId: unitB, payer: '陳大文', method: 'cash', amount: 300000 });
    expect(over.status).toBe(422);
    expect(over.body.error).toMatchObject({ code: 'fee.overpaid', details: { field: 'amount', owed: 282800 } });
    // The refused payment took no number: the next is 2026-0002.
    const next = await pay(desk, { unitId: unitB, payer: '陳大文', method: 'fps', amount: 282800, reference: 'FPS123' });
    expect(next.body.receiptNumber).toBe('2026-0002');
    expect((await desk.get(`/estates/${estateId}/fee-accounts/${unitB}`)).body.balance).toBe(0);
    const history = await t.ctx.db.selectFrom('history').select('action').where('entity_type', '=', 'fee_payment').execute();
    expect(history.map((h) => h.action)).toEqual(['received', 'received']);
  });

  it('R-FE-3: the cashier may choose the charges; more than a charge owes, or a sum not the amount, is refused naming the field', async () => {
    await manager.post(`/estates/${estateId}/fee-charge-runs`, { period: '2026-10' });
    await manager.post(`/estates/${estateId}/fee-charge-runs`, { period: '2026-11' });
    const charges = (await desk.get(`/estates/${estateId}/fee-accounts/${unitB}`)).body.outstanding as {
      id: string;
      period: string;
      amount: number;
      feeItemCode: string;
    }[];
    const novParking = charges.find((c) => c.period === '2026-11' && c.feeItemCode === 'parking') as { id: string; amount: number };
    const chosen = await pay(desk, {
      unitId: unitB,
      payer: '陳大文',
      method: 'card',
      amount: 280000,
      allocations: [{ chargeId: novParking.id, amount: 280000 }],
    });
    expect(chosen.status).toBe(201);
    expect(chosen.body.allocations).toEqual([expect.objectContaining({ chargeId: novParking.id, amount: 280000, period: '2026-11' })]);
    const tooMuch = await pay(desk, {
      unitId: unitB,
      payer: '陳',
      method: 'card',
      amount: 10,
      allocations: [{ chargeId: novParking.id, amount: 10 }],
    });
    expect(tooMuch.status).toBe(422);
    expect(tooMuch.body.error).toMatchObject({ code: 'fee.over_allocated', details: { field: 'allocations.0' } });
    const sum = await pay(desk, {
      unitId: unitB,
      payer: '陳',
      method: 'card',
      amount: 20,
      allocations: [{ chargeId: charges[0]?.id, amount: 10 }],
    });
    expect(sum.body.error).toMatchObject({ code: 'fee.allocation_sum', details: { field: 'allocations' } });
    const bad = await pay(desk, { unitId: unitB, payer: '', method: 'cheque', amount: 1.5 });
    expect(bad.status).toBe(400);
    const paths = bad.body.error.details.issues.map((i: { path: string }) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['body.payer', 'body.method', 'body.amount']));
  });

  it('R-FE-2: a void needs a manager and a reason, keeps the number, restores the balance exactly and shows everywhere', async () => {
    await manager.post(`/estates/${estateId}/fee-charge-runs`, { period: '2026-11' });
    const before = (await desk.get(`/estates/${estateId}/fee-accounts/${unitA}`)).body.balance;
    const receipt = (await pay(desk, { unitId: unitA, payer: '李', method: 'cash', amount: 100000 })).body;
    expect((await desk.post(`/estates/${estateId}/fee-payments/${receipt.id}/void`, { reason: '收錯單位' })).status).toBe(403);
    expect((await manager.post(`/estates/${estateId}/fee-payments/${receipt.id}/void`, {})).status).toBe(400);
    const voided = await manager.post(`/estates/${estateId}/fee-payments/${receipt.id}/void`, { reason: '收錯單位' });
    expect(voided.status).toBe(200);
    expect(voided.body).toMatchObject({ receiptNumber: receipt.receiptNumber, voided: true, void: { reason: '收錯單位' } });
    expect((await desk.get(`/estates/${estateId}/fee-accounts/${unitA}`)).body.balance).toBe(before);
    const again = await manager.post(`/estates/${estateId}/fee-payments/${receipt.id}/void`, { reason: 'x' });
    expect(again.status).toBe(422);
    expect(again.body.error.code).toBe('fee.already_void');
    const list = await dept.get(`/estates/${estateId}/fee-payments?voided=true`);
    expect(list.body.items.map((p: { receiptNumber: string }) => p.receiptNumber)).toEqual([receipt.receiptNumber]);
    // The rows are still there: nothing was deleted or changed.
    expect(await count(t, 'fee_payments')).toBe(1);
    expect(await count(t, 'fee_allocations')).toBe(receipt.allocations.length);
    const pdf = await desk.get(`/estates/${estateId}/fee-payments/${receipt.id}/pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
  });

  it('R-FE-2: the database refuses UPDATE and DELETE of receipts, allocations and voids', async () => {
    await manager.post(`/estates/${estateId}/fee-charge-runs`, { period: '2026-11' });
    const receipt = (await pay(desk, { unitId: unitA, payer: '李', method: 'cash', amount: 100 })).body;
    await manager.post(`/estates/${estateId}/fee-payments/${receipt.id}/void`, { reason: '測試' });
    const db = t.ctx.db;
    const attempts = [
      sql`update fee_payments set amount = 1 where id = ${receipt.id}`,
      sql`delete from fee_payments where id = ${receipt.id}`,
      sql`update fee_allocations set amount = 1`,
      sql`delete from fee_allocations`,
      sql`update fee_payment_voids set reason = 'x'`,
      sql`delete from fee_payment_voids`,
      sql`delete from fee_charges`,
    ];
    for (const attempt of attempts) await expect(attempt.execute(db)).rejects.toThrow(/never changed nor deleted/);
    const row = await db
      .selectFrom('fee_payments')
      .select(['amount', 'receipt_number'])
      .where('id', '=', receipt.id)
      .executeTakeFirstOrThrow();
    expect([Number(row.amount), row.receipt_number]).toEqual([100, receipt.receiptNumber]);
    expect(await count(t, 'fee_payment_voids')).toBe(1);
  });

  it('R-FE-3: one-off charges: the counter charges a per-use item; an amount of its own needs a manager; monthly items are the run’s', async () => {
    const items = (await desk.get(`/estates/${estateId}/fee-items`)).body.items as { id: string; code: string }[];
    const keyCopy = items.find((i) => i.code === 'key-copy')?.id;
    const management = items.find((i) => i.code === 'management')?.id;
    const res = await desk.post(`/estates/${estateId}/fee-charges`, { unitId: unitA, feeItemId: keyCopy, quantity: 2 });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      amount: 10000,
      source: 'one_off',
      description: '鎖匙複製',
      chargedOn: '2026-11-20',
      outstanding: 10000,
    });
    const own = await desk.post(`/estates/${estateId}/fee-charges`, { unitId: unitA, amount: 88000, description: '更換水喉' });
    expect(own.status).toBe(422);
    expect(own.body.error).toMatchObject({ code: 'fee.needs_manager', details: { field: 'amount', ability: 'fee.charge' } });
    expect((await manager.post(`/estates/${estateId}/fee-charges`, { unitId: unitA, amount: 88000, description: '更換水喉' })).status).toBe(
      201,
    );
    const monthly = await manager.post(`/estates/${estateId}/fee-charges`, { unitId: unitA, feeItemId: management });
    expect(monthly.status).toBe(422);
    expect(monthly.body.error).toMatchObject({ code: 'fee.monthly_item', details: { field: 'feeItemId' } });
    expect((await desk.get(`/estates/${estateId}/fee-accounts/${unitA}`)).body.balance).toBe(98000);
  });

  it('R-FE-4: takings by method in number order; a closed day refuses payments; a late void is booked on the voider’s open day with a reference', async () => {
    await manager.post(`/estates/${estateId}/fee-charge-runs`, { period: '2026-11' });
    const r1 = (await pay(desk, { unitId: unitA, payer: '李', method: 'cash', amount: 1000 })).body;
    await pay(desk2, { unitId: unitB, payer: '陳', method: 'card', amount: 2000 });
    const r3 = (await pay(desk, { unitId: unitA, payer: '李', method: 'fps', amount: 3000 })).body;
    const mine = await desk.get(`/estates/${estateId}/cashier-days/mine`);
    expect(mine.body).toMatchObject({ state: 'open', date: '2026-11-20', total: 4000, byMethod: { cash: 1000, fps: 3000, card: 0 } });
    expect(mine.body.receiptsInOrder.map((r: { receiptNumber: string }) => r.receiptNumber)).toEqual([r1.receiptNumber, r3.receiptNumber]);
    const dayId = mine.body.id;
    expect((await desk2.post(`/estates/${estateId}/cashier-days/${dayId}/close`, {})).body.error.code).toBe('fee.not_your_day');
    expect((await manager.post(`/estates/${estateId}/cashier-days/${dayId}/check`, {})).body.error.code).toBe('fee.day_not_closed');
    const closed = await desk.post(`/estates/${estateId}/cashier-days/${dayId}/close`, { note: '現金 HK$10 已點算' });
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ state: 'closed', total: 4000, closeNote: '現金 HK$10 已點算' });
    const refused = await pay(desk, { unitId: unitA, payer: '李', method: 'cash', amount: 10 });
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('fee.day_closed');
    // Closing it again answers it as it was closed.
    const twice = await desk.post(`/estates/${estateId}/cashier-days/${dayId}/close`, { note: '再關' });
    expect(twice.body).toMatchObject({ state: 'closed', closedAt: closed.body.closedAt, closeNote: closed.body.closeNote });
    // The next day a manager voids r1: the void is booked on the manager's open day, naming the closed one.
    t.clock.set('2026-11-21T02:00:00.000Z');
    manager = await t.as('mgr');
    const voided = await manager.post(`/estates/${estateId}/fee-payments/${r1.id}/void`, { reason: '重複收款' });
    expect(voided.body.void).toMatchObject({ originalDayId: dayId });
    expect(voided.body.void.cashierDayId).not.toBe(dayId);
    const closedDay = await manager.get(`/estates/${estateId}/cashier-days/${dayId}`);
    expect(closedDay.body).toMatchObject({ state: 'closed', byMethod: { cash: 1000, fps: 3000 } });
    const managerDay = await manager.get(`/estates/${estateId}/cashier-days/${voided.body.void.cashierDayId}`);
    expect(managerDay.body.voidsBooked).toEqual([
      expect.objectContaining({ receiptNumber: r1.receiptNumber, originalDayId: dayId, originalDate: '2026-11-20', amount: 1000 }),
    ]);
    expect(managerDay.body.byMethod.cash).toBe(-1000);
    const checked = await manager.post(`/estates/${estateId}/cashier-days/${dayId}/check`, { note: '核對無誤' });
    expect(checked.body).toMatchObject({ state: 'checked', checkNote: '核對無誤' });
    // The database holds a checked day as it is.
    await expect(sql`update cashier_days set state = 'open' where id = ${dayId}`.execute(t.ctx.db)).rejects.toThrow(/closed/);
    const days = await manager.get(`/estates/${estateId}/cashier-days?date=2026-11-20`);
    expect(days.body.total).toBe(2);
  });

  it('R-FE-3: arrears by age band, the fee summary, a statement with its balance, XLSX exports and the reminder letter', async () => {
    for (const period of ['2026-04', '2026-08', '2026-10', '2026-11'])
      await manager.post(`/estates/${estateId}/fee-charge-runs`, { period });
    await pay(desk, { unitId: unitB, payer: '陳', method: 'cash', amount: 291400 });
    const arrears = await dept.get(`/estates/${estateId}/fee-arrears?asOf=2026-11-20`);
    expect(arrears.status).toBe(200);
    const a = 18611 + 280000;
    const b = 11400 + 280000;
    // Unit B paid April (the oldest); 2026-04-01 is 233 days before, 08-01 111, 10-01 50, 11-01 19.
    expect(arrears.body.bands).toEqual({ d0_30: a + b, d31_90: a + b, d91_180: a + b, d181_plus: a });
    expect(arrears.body.items.map((i: { unit: { number: string } }) => i.unit.number)).toEqual(['12B', '3A']);
    const summary = await desk.get(`/estates/${estateId}/fee-summary?date=2026-11-20`);
    expect(summary.body).toMatchObject({ takings: 291400, takingsByMethod: { cash: 291400 }, receipts: 1, arrears: arrears.body.total });
    const statement = await desk.get(`/estates/${estateId}/fee-accounts/${unitB}/statement?from=2026-08&to=2026-11`);
    expect(statement.body).toMatchObject({ openingBalance: b, charges: 3 * b, payments: 291400, closingBalance: 3 * b });
    expect(statement.body.lines.at(-1).balance).toBe(3 * b);
    const xlsx = await desk.get(`/estates/${estateId}/fee-accounts/${unitB}/statement/xlsx?from=2026-08&to=2026-11`);
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    expect((await dept.get(`/estates/${estateId}/fee-arrears/xlsx?asOf=2026-11-20`)).status).toBe(200);
    const letter = await dept.get(`/estates/${estateId}/fee-accounts/${unitA}/reminder/pdf?asOf=2026-11-20`);
    expect(letter.status).toBe(200);
    expect(letter.headers['content-type']).toBe('application/pdf');
    const none = await dept.get(`/estates/${estateId}/fee-accounts/${unitA}/reminder/pdf?asOf=2026-03-01`);
    expect(none.status).toBe(422);
  });

  it('R-FE-2: a repeated request with the same Idempotency-Key answers the same receipt and takes no number', async () => {
    await manager.post(`/estates/${estateId}/fee-charge-runs`, { period: '2026-11' });
    const body = { unitId: unitA, payer: '李', method: 'cash', amount: 500 };
    const first = await pay(desk, body, 'key-0001-abcdef');
    const repeat = await pay(desk, body, 'key-0001-abcdef');
    expect([first.status, repeat.status]).toEqual([201, 200]);
    expect(repeat.body.id).toBe(first.body.id);
    const other = await pay(desk, { ...body, amount: 600 }, 'key-0001-abcdef');
    expect(other.status).toBe(422);
    expect(other.body.error.code).toBe('request.idempotency_key_reused');
    expect(await count(t, 'fee_payments')).toBe(1);
  });
});
