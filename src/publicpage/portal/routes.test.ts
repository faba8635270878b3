import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildBuilding, buildEstate, buildResident, buildResidentClient, buildStaff, buildUnit } from '../../../test/support/factories.js';
import { type Client, createTestApp, ENGINE, type TestApp } from '../../../test/support/harness.js';

const NOW = '2026-11-20T02:00:00.000Z';

/** R-PT-1 with R-PB-1 and R-FE-1: the portal's notice board shows what the public page shows, today. */
describe(`the residents' portal: notice board [${ENGINE}]`, () => {
  let t: TestApp;
  let estateId: string;
  let estateCode: string;
  let resident: Client;
  let manager: Client;

  beforeEach(async () => {
    t = await createTestApp({ now: NOW });
    const estate = await buildEstate(t);
    estateId = estate.id;
    estateCode = estate.code;
    const building = await buildBuilding(t, estateId, 'A座');
    const unit = await buildUnit(t, estateId, { buildingId: building.id, number: '12B' });
    const residentId = (await buildResident(t, estateId, { unitIds: [unit.id] })).id;
    await buildStaff(t, estateId, { username: 'boss', role: 'manager' });
    manager = await t.as('boss');
    resident = await buildResidentClient(t, estateId, residentId);
  });
  afterEach(async () => t.close());

  it('announcements in force (urgent first), the fee items in force today and the public page address', async () => {
    const announce = (title: string, urgent: boolean, fromDate: string, untilDate: string | null) =>
      manager.post(`/estates/${estateId}/announcements`, { title, body: `${title}內容`, urgent, fromDate, untilDate });
    await announce('電梯保養', false, '2026-11-01', null);
    await announce('停水通知', true, '2026-11-15', '2026-11-30');
    await announce('舊通告', false, '2026-10-01', '2026-10-31');
    await announce('下月通告', false, '2026-12-01', null);
    const fee = (body: Record<string, unknown>) => manager.post(`/estates/${estateId}/fee-items`, body);
    await fee({ code: 'management', name: '管理費', basis: 'per_m2_month', rate: 285, effectiveFrom: '2026-01-01' });
    await fee({ code: 'parking', name: '車位', basis: 'per_unit_month', rate: 250000, effectiveFrom: '2027-01-01' });

    const res = await resident.get(`/estates/${estateId}/portal/notice-board`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.announcements.map((a: { title: string }) => a.title)).toEqual(['停水通知', '電梯保養']);
    expect(res.body.fees).toEqual([expect.objectContaining({ code: 'management', rate: 285, currency: 'HKD' })]);
    expect(res.body.publicPageUrl).toBe(`/p/${estateCode.toLowerCase()}`);
  });

  it("another estate's board answers 404; staff are refused naming the ability", async () => {
    const other = await buildEstate(t);
    expect((await resident.get(`/estates/${other.id}/portal/notice-board`)).status).toBe(404);
    const staff = await manager.get(`/estates/${estateId}/portal/notice-board`);
    expect(staff.status).toBe(403);
    expect(staff.body.error.details.ability).toBe('portal.notice.read');
  });
});
