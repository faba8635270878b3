import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildEstate, buildStaff } from '../../test/support/factories.js';
import { type Client, createTestApp, ENGINE, type TestApp } from '../../test/support/harness.js';

const MANAGEMENT = {
  code: 'management',
  name: '管理費',
  nameEn: 'Management fee',
  basis: 'per_m2_month',
  rate: 285,
  effectiveFrom: '2026-01-01',
  approvalRef: 'OC-2025-12',
  notes: '按實用面積',
};

async function feeHistory(t: TestApp, entityId: string) {
  return t.ctx.db
    .selectFrom('history')
    .select(['action', 'actor_id', 'estate_id'])
    .where('entity_type', '=', 'fee_item')
    .where('entity_id', '=', entityId)
    .orderBy('seq')
    .execute();
}

describe(`fee items (R-FE-1) [${ENGINE}]`, () => {
  let t: TestApp;
  let estateA: string;
  let estateB: string;
  let desk: Client;
  let managerA: Client;
  let managerB: Client;

  beforeEach(async () => {
    t = await createTestApp();
    estateA = (await buildEstate(t)).id;
    estateB = (await buildEstate(t)).id;
    await buildStaff(t, estateA, { username: 'desk-a', role: 'receptionist' });
    await buildStaff(t, estateA, { username: 'manager-a', role: 'manager' });
    await buildStaff(t, estateB, { username: 'manager-b', role: 'manager' });
    desk = await t.as('desk-a');
    managerA = await t.as('manager-a');
    managerB = await t.as('manager-b');
  });
  afterEach(async () => t.close());

  it("R-FE-1: a manager adds an item in the estate's currency (HKD unless set), kept in the database and its history", async () => {
    const res = await managerA.post(`/estates/${estateA}/fee-items`, MANAGEMENT);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ ...MANAGEMENT, currency: 'HKD', effectiveTo: null, retired: false, estateId: estateA });
    const row = await t.ctx.db.selectFrom('fee_items').selectAll().where('id', '=', res.body.id).executeTakeFirstOrThrow();
    expect([row.rate, row.currency, row.effective_from, row.basis]).toEqual([285, 'HKD', '2026-01-01', 'per_m2_month']);
    expect(await feeHistory(t, res.body.id)).toEqual([expect.objectContaining({ action: 'created', estate_id: estateA })]);

    const got = await desk.get(`/fee-items/${res.body.id}`);
    expect(got.status).toBe(200);
    expect(got.body.name).toBe('管理費');
  });

  it("R-FE-1: an item is charged in the currency of the estate's policy", async () => {
    const policy = await t.admin.patch(`/estates/${estateA}`, { policy: { currency: 'MOP' } });
    expect(policy.status).toBe(200);
    const res = await managerA.post(`/estates/${estateA}/fee-items`, MANAGEMENT);
    expect(res.body.currency).toBe('MOP');
    const bad = await t.admin.patch(`/estates/${estateA}`, { policy: { currency: 'dollars' } });
    expect(bad.status).toBe(400);
  });

  it('R-FE-1: a period overlapping another of the same code is refused naming effectiveFrom and the period (last day inclusive)', async () => {
    await managerA.post(`/estates/${estateA}/fee-items`, { ...MANAGEMENT, effectiveTo: '2026-12-31' });
    const overlap = await managerA.post(`/estates/${estateA}/fee-items`, { ...MANAGEMENT, rate: 300, effectiveFrom: '2026-12-31' });
    expect(overlap.status).toBe(409);
    expect(overlap.body.error.code).toBe('conflict.overlap');
    expect(overlap.body.error.details).toMatchObject({
      field: 'effectiveFrom',
      overlaps: { effectiveFrom: '2026-01-01', effectiveTo: '2026-12-31' },
    });
    expect(overlap.body.error.message).toContain('2026-01-01 – 2026-12-31');
    // The day after the last day is free: the last day is inclusive.
    const next = await managerA.post(`/estates/${estateA}/fee-items`, { ...MANAGEMENT, rate: 300, effectiveFrom: '2027-01-01' });
    expect(next.status).toBe(201);
    // Another code may run over the same days.
    const parking = await managerA.post(`/estates/${estateA}/fee-items`, { ...MANAGEMENT, code: 'parking', basis: 'per_unit_month' });
    expect(parking.status).toBe(201);
    // Moving a period onto another is refused the same way.
    const moved = await managerA.patch(`/fee-items/${next.body.id}`, { effectiveFrom: '2026-06-01' });
    expect(moved.status).toBe(409);
    expect(moved.body.error.details.field).toBe('effectiveFrom');
    const { n } = await t.ctx.db
      .selectFrom('fee_items')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('code', '=', 'management')
      .executeTakeFirstOrThrow();
    expect(Number(n)).toBe(2);
  });

  it('R-FE-1: amounts are non-negative whole minor units, a last day before the first refused; each naming its field', async () => {
    for (const rate of [-1, 2.5, '285']) {
      const res = await managerA.post(`/estates/${estateA}/fee-items`, { ...MANAGEMENT, rate });
      expect(res.status, String(rate)).toBe(400);
      expect(res.body.error.details.issues.map((i: { path: string }) => i.path)).toContain('body.rate');
    }
    const backwards = await managerA.post(`/estates/${estateA}/fee-items`, { ...MANAGEMENT, effectiveTo: '2025-12-31' });
    expect(backwards.status).toBe(400);
    expect(backwards.body.error.details.issues[0].path).toBe('body.effectiveTo');
  });

  it('R-FE-1: a new rate from a day ends the current period the day before and starts the next, both in the history', async () => {
    const first = (await managerA.post(`/estates/${estateA}/fee-items`, MANAGEMENT)).body;
    const res = await managerA.post(`/fee-items/${first.id}/new-rate`, {
      effectiveFrom: '2027-04-01',
      rate: 298,
      approvalRef: 'OC-2027-03',
    });
    expect(res.status).toBe(201);
    expect(res.body.previous).toMatchObject({ id: first.id, rate: 285, effectiveFrom: '2026-01-01', effectiveTo: '2027-03-31' });
    expect(res.body.current).toMatchObject({
      code: 'management',
      name: '管理費',
      basis: 'per_m2_month',
      rate: 298,
      effectiveFrom: '2027-04-01',
      effectiveTo: null,
      approvalRef: 'OC-2027-03',
    });
    const rows = await t.ctx.db
      .selectFrom('fee_items')
      .select(['rate', 'effective_from', 'effective_to'])
      .where('estate_id', '=', estateA)
      .orderBy('effective_from')
      .execute();
    expect(rows).toEqual([
      { rate: 285, effective_from: '2026-01-01', effective_to: '2027-03-31' },
      { rate: 298, effective_from: '2027-04-01', effective_to: null },
    ]);
    expect((await feeHistory(t, first.id)).map((h) => h.action)).toEqual(['created', 'ended']);
    expect((await feeHistory(t, res.body.current.id)).map((h) => h.action)).toEqual(['created']);

    const tooEarly = await managerA.post(`/fee-items/${first.id}/new-rate`, { effectiveFrom: '2026-01-01', rate: 1 });
    expect(tooEarly.status).toBe(400);
    expect(tooEarly.body.error.details.issues[0].path).toBe('body.effectiveFrom');
  });

  it('R-FE-1: the list finds what is in force on a day, by name and by basis, paged', async () => {
    const first = (await managerA.post(`/estates/${estateA}/fee-items`, MANAGEMENT)).body;
    await managerA.post(`/fee-items/${first.id}/new-rate`, { effectiveFrom: '2027-01-01', rate: 298 });
    await managerA.post(`/estates/${estateA}/fee-items`, {
      code: 'access-card',
      name: '補領門禁卡',
      nameEn: 'Replacement access card',
      basis: 'per_use',
      rate: 10000,
      effectiveFrom: '2026-01-01',
    });
    const on = async (day: string) =>
      (await desk.get(`/estates/${estateA}/fee-items?inForceOn=${day}&basis=per_m2_month`)).body.items.map((i: { rate: number }) => i.rate);
    expect(await on('2026-12-31')).toEqual([285]);
    expect(await on('2027-01-01')).toEqual([298]);
    expect(await on('2025-12-31')).toEqual([]);
    const byName = await desk.get(`/estates/${estateA}/fee-items?q=${encodeURIComponent('門禁')}`);
    expect(byName.body.items.map((i: { code: string }) => i.code)).toEqual(['access-card']);
    const byEnglish = await desk.get(`/estates/${estateA}/fee-items?q=replacement`);
    expect(byEnglish.body.total).toBe(1);
    const paged = await desk.get(`/estates/${estateA}/fee-items?pageSize=2&page=2`);
    expect(paged.body).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(paged.body.items).toHaveLength(1);
  });

  it('R-FE-1: retiring ends the period on its last day and keeps it; a second retire is refused', async () => {
    const first = (await managerA.post(`/estates/${estateA}/fee-items`, MANAGEMENT)).body;
    const res = await managerA.post(`/fee-items/${first.id}/retire`, { lastDay: '2026-06-30' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ retired: true, effectiveTo: '2026-06-30' });
    expect((await managerA.post(`/fee-items/${first.id}/retire`, { lastDay: '2026-06-30' })).status).toBe(422);
    expect((await feeHistory(t, first.id)).map((h) => h.action)).toEqual(['created', 'retired']);
  });

  it("R-FE-1: another estate's items answer 404; a receptionist reads but cannot add or change", async () => {
    const item = (await managerA.post(`/estates/${estateA}/fee-items`, MANAGEMENT)).body;
    expect((await managerB.get(`/fee-items/${item.id}`)).status).toBe(404);
    expect((await managerB.patch(`/fee-items/${item.id}`, { name: 'x' })).status).toBe(404);
    expect((await managerB.get(`/estates/${estateA}/fee-items`)).status).toBe(404);
    expect((await managerB.post(`/estates/${estateA}/fee-items`, MANAGEMENT)).status).toBe(404);

    const created = await desk.post(`/estates/${estateA}/fee-items`, { ...MANAGEMENT, code: 'parking' });
    expect(created.status).toBe(403);
    expect(created.body.error.details.ability).toBe('fee.write');
    expect((await desk.post(`/fee-items/${item.id}/new-rate`, { effectiveFrom: '2027-01-01', rate: 1 })).status).toBe(403);
    expect((await desk.get(`/estates/${estateA}/fee-items`)).body.total).toBe(1);
    const { n } = await t.ctx.db
      .selectFrom('fee_items')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(n)).toBe(1);
  });
});
