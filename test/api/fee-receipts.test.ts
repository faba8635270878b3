import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildEstate, buildStaff, buildUnit } from '../support/factories.js';
import { type Client, createTestApp, ENGINE, type TestApp } from '../support/harness.js';

/** R-FE-2: receipt numbers under concurrent payments, on both engines. */
describe(`receipt numbers under concurrent payments [${ENGINE}]`, () => {
  let t: TestApp;
  let estateId: string;
  let unitId: string;
  let desks: Client[];

  beforeEach(async () => {
    t = await createTestApp({ now: '2026-11-20T02:00:00.000Z' });
    estateId = (await buildEstate(t)).id;
    unitId = (await buildUnit(t, estateId, { areaM2: 50 })).id;
    await buildStaff(t, estateId, { username: 'mgr', role: 'manager' });
    const manager = await t.as('mgr');
    desks = [];
    for (const n of [1, 2, 3, 4]) {
      await buildStaff(t, estateId, { username: `desk${n}`, role: 'receptionist' });
      desks.push(await t.as(`desk${n}`));
    }
    await manager.post(`/estates/${estateId}/fee-items`, {
      code: 'parking',
      name: '車位月租',
      basis: 'per_unit_month',
      rate: 280000,
      effectiveFrom: '2026-01-01',
    });
    await manager.post(`/estates/${estateId}/fee-charge-runs`, { period: '2026-11' });
  });
  afterEach(async () => t.close());

  it('R-FE-2: 100 payments taken at once by four cashiers get receipts 1..100 with no gap and no repeat; repeats of a key answer the same receipt', async () => {
    const body = (n: number) => ({ unitId, payer: `繳款人${n}`, method: 'cash', amount: 100 + n });
    const send = (n: number) =>
      (desks[n % desks.length] as Client).request('POST', `/estates/${estateId}/fee-payments`, body(n), {
        headers: { 'idempotency-key': `concurrent-${n}-0000` },
      });
    // Every tenth payment is sent twice at once, as a double click would.
    const sent = Array.from({ length: 100 }, (_, n) => n);
    const answers = await Promise.all([...sent.map(send), ...sent.filter((n) => n % 10 === 0).map(send)]);
    for (const res of answers) expect([200, 201], JSON.stringify(res.body).slice(0, 300)).toContain(res.status);
    const first = answers.slice(0, 100);
    const repeats = answers.slice(100);
    expect(answers.filter((r) => r.status === 201)).toHaveLength(100);
    for (const [i, res] of repeats.entries()) expect(res.body.id).toBe(first[i * 10]?.body.id);
    const rows = await t.ctx.db
      .selectFrom('fee_payments')
      .select(['receipt_seq', 'receipt_number', 'amount'])
      .where('estate_id', '=', estateId)
      .orderBy('receipt_seq')
      .execute();
    expect(rows.map((r) => Number(r.receipt_seq))).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    expect(rows[0]?.receipt_number).toBe('2026-0001');
    expect(rows[99]?.receipt_number).toBe('2026-0100');
    // Every payment is allocated in full, and the charge is never over-paid.
    const total = rows.reduce((s, r) => s + Number(r.amount), 0);
    const { allocated } = await t.ctx.db
      .selectFrom('fee_allocations')
      .select((eb) => eb.fn.sum<number>('amount').as('allocated'))
      .executeTakeFirstOrThrow();
    expect(Number(allocated)).toBe(total);
    const account = await (desks[0] as Client).get(`/estates/${estateId}/fee-accounts/${unitId}`);
    expect(account.body.balance).toBe(280000 - total);
  });
});
