import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBuilding, buildEstate, buildStaff, buildUnit } from '../support/factories.js';
import { type Client, createTestApp, ENGINE, type TestApp } from '../support/harness.js';

/**
 * Property tests of the money (R-FE-2, R-FE-3) against the database, on both engines: random
 * charges, payments and voids keep every charge's allocations within what it owes, a unit's
 * balance equal to its charges less its valid payments, and a void restores the balance exactly;
 * random fee schedules charge each unit once however often the month is run.
 */
type Step = { kind: 'charge'; amount: number } | { kind: 'pay'; share: number; choose: boolean } | { kind: 'void'; pick: number };

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('charge' as const), amount: fc.integer({ min: 1, max: 500_000 }) }),
  fc.record({ kind: fc.constant('pay' as const), share: fc.double({ min: 0.01, max: 1, noNaN: true }), choose: fc.boolean() }),
  fc.record({ kind: fc.constant('void' as const), pick: fc.nat() }),
);

describe(`money properties against the database [${ENGINE}]`, () => {
  let t: TestApp;
  let estateId: string;
  let manager: Client;
  let desk: Client;

  beforeAll(async () => {
    t = await createTestApp({ now: '2026-11-20T02:00:00.000Z' });
    estateId = (await buildEstate(t)).id;
    await buildStaff(t, estateId, { username: 'mgr', role: 'manager' });
    await buildStaff(t, estateId, { username: 'desk', role: 'receptionist' });
    manager = await t.as('mgr');
    desk = await t.as('desk');
  });
  afterAll(async () => t?.close());

  /** What the database holds of a unit: its charges with valid allocations, and its valid payments. */
  async function ledger(unitId: string) {
    const db = t.ctx.db;
    const charges = await db.selectFrom('fee_charges').select(['id', 'amount']).where('unit_id', '=', unitId).execute();
    const payments = await db
      .selectFrom('fee_payments as p')
      .leftJoin('fee_payment_voids as v', 'v.payment_id', 'p.id')
      .select(['p.id', 'p.amount', 'v.payment_id as voided'])
      .where('p.unit_id', '=', unitId)
      .execute();
    const valid = new Set(payments.filter((p) => p.voided === null).map((p) => p.id));
    const allocations = await db
      .selectFrom('fee_allocations')
      .select(['payment_id', 'charge_id', 'amount'])
      .where('charge_id', 'in', charges.length ? charges.map((c) => c.id) : ['-'])
      .execute();
    return { charges, payments, valid, allocations };
  }

  it('R-FE-3 property: allocations never exceed what is owed; balance = charges − valid payments; a void restores the balance exactly', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(stepArb, { minLength: 1, maxLength: 12 }), async (steps) => {
        const unitId = (await buildUnit(t, estateId, { areaM2: 50 })).id;
        const receipts: string[] = [];
        for (const step of steps) {
          const balanceBefore = (await desk.get(`/estates/${estateId}/fee-accounts/${unitId}`)).body.balance as number;
          if (step.kind === 'charge') {
            const res = await manager.post(`/estates/${estateId}/fee-charges`, { unitId, amount: step.amount, description: '維修費' });
            expect(res.status).toBe(201);
          } else if (step.kind === 'pay') {
            const account = (await desk.get(`/estates/${estateId}/fee-accounts/${unitId}`)).body;
            const owed = account.outstanding.reduce((s: number, c: { outstanding: number }) => s + c.outstanding, 0);
            if (owed === 0) continue;
            const amount = Math.max(1, Math.floor(owed * step.share));
            // The cashier chooses the newest charges, or lets the oldest go first.
            const allocations = step.choose
              ? (() => {
                  let left = amount;
                  const out: { chargeId: string; amount: number }[] = [];
                  for (const c of [...account.outstanding].reverse() as { id: string; outstanding: number }[]) {
                    if (left === 0) break;
                    const take = Math.min(left, c.outstanding);
                    out.push({ chargeId: c.id, amount: take });
                    left -= take;
                  }
                  return out;
                })()
              : undefined;
            const res = await desk.post(`/estates/${estateId}/fee-payments`, {
              unitId,
              payer: '業主',
              method: 'cash',
              amount,
              allocations,
            });
            expect(res.status, JSON.stringify(res.body)).toBe(201);
            receipts.push(res.body.id);
            const after = (await desk.get(`/estates/${estateId}/fee-accounts/${unitId}`)).body.balance;
            expect(after).toBe(balanceBefore - amount);
          } else {
            if (receipts.length === 0) continue;
            const id = receipts[step.pick % receipts.length] as string;
            const payment = (await desk.get(`/estates/${estateId}/fee-payments/${id}`)).body;
            const res = await manager.post(`/estates/${estateId}/fee-payments/${id}/void`, { reason: '更正' });
            if (payment.voided) {
              expect(res.status).toBe(422);
              continue;
            }
            expect(res.status).toBe(200);
            const after = (await desk.get(`/estates/${estateId}/fee-accounts/${unitId}`)).body.balance;
            expect(after, 'a void restores the balance exactly').toBe(balanceBefore + payment.amount);
          }
          const { charges, payments, valid, allocations } = await ledger(unitId);
          for (const c of charges) {
            const paid = allocations
              .filter((a) => a.charge_id === c.id && valid.has(a.payment_id))
              .reduce((s, a) => s + Number(a.amount), 0);
            expect(paid).toBeLessThanOrEqual(Number(c.amount));
          }
          for (const p of payments) {
            const allocated = allocations.filter((a) => a.payment_id === p.id).reduce((s, a) => s + Number(a.amount), 0);
            expect(allocated).toBe(Number(p.amount));
          }
          const charged = charges.reduce((s, c) => s + Number(c.amount), 0);
          const paidValid = payments.filter((p) => valid.has(p.id)).reduce((s, p) => s + Number(p.amount), 0);
          const balance = (await desk.get(`/estates/${estateId}/fee-accounts/${unitId}`)).body.balance;
          expect(balance).toBe(charged - paidValid);
        }
      }),
      { numRuns: 6 },
    );
  });

  it('R-FE-3 property: for random fee schedules the charge run creates each unit’s charges once; running again creates nothing', async () => {
    const itemArb = fc.record({
      basis: fc.constantFrom('per_m2_month', 'per_unit_month'),
      rate: fc.integer({ min: 0, max: 500_000 }),
      from: fc.integer({ min: 1, max: 28 }),
      newRate: fc.option(fc.record({ day: fc.integer({ min: 2, max: 28 }), rate: fc.integer({ min: 0, max: 500_000 }) }), {
        nil: undefined,
      }),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(itemArb, { minLength: 1, maxLength: 3 }),
        fc.array(
          fc.option(
            fc.integer({ min: 1, max: 30_000 }).map((n) => n / 100),
            { nil: null },
          ),
          { minLength: 1, maxLength: 4 },
        ),
        async (items, areas) => {
          const estate = (await buildEstate(t)).id;
          await buildStaff(t, estate, { username: `mgr-${estate}`, role: 'manager' });
          const m = await t.as(`mgr-${estate}`);
          const building = await buildBuilding(t, estate);
          for (const [i, area] of areas.entries())
            await buildUnit(t, estate, { buildingId: building.id, number: `${i + 1}A`, ...(area === null ? {} : { areaM2: area }) });
          for (const [i, item] of items.entries()) {
            const created = await m.post(`/estates/${estate}/fee-items`, {
              code: `item-${i}`,
              name: `項目${i}`,
              basis: item.basis,
              rate: item.rate,
              effectiveFrom: `2026-11-${String(item.from).padStart(2, '0')}`,
            });
            expect(created.status).toBe(201);
            if (item.newRate && item.newRate.day > item.from)
              await m.post(`/fee-items/${created.body.id}/new-rate`, {
                effectiveFrom: `2026-11-${String(item.newRate.day).padStart(2, '0')}`,
                rate: item.newRate.rate,
              });
          }
          const preview = (await m.get(`/estates/${estate}/fee-charge-runs/preview?period=2026-11`)).body;
          const first = (await m.post(`/estates/${estate}/fee-charge-runs`, { period: '2026-11' })).body;
          expect(first.chargesCreated).toBe(preview.toCreate);
          expect(first.amountCreated).toBe(preview.toCreateAmount);
          const second = (await m.post(`/estates/${estate}/fee-charge-runs`, { period: '2026-11' })).body;
          expect([second.chargesCreated, second.amountCreated]).toEqual([0, 0]);
          const rows = await t.ctx.db
            .selectFrom('fee_charges')
            .select(['unit_id', 'fee_item_code'])
            .where('estate_id', '=', estate)
            .execute();
          const keys = rows.map((r) => `${r.unit_id}:${r.fee_item_code}`);
          expect(new Set(keys).size).toBe(keys.length);
          expect(rows.length).toBe(first.chargesCreated);
        },
      ),
      { numRuns: 6 },
    );
  });
});
