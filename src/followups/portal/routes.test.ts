import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildBuilding, buildEstate, buildResident, buildResidentClient, buildStaff, buildUnit } from '../../../test/support/factories.js';
import { type Client, createTestApp, ENGINE, type TestApp } from '../../../test/support/harness.js';

const NOW = '2026-11-20T02:00:00.000Z';

/** R-PT-1: a resident scores a recorded follow-up visit of their own case, once; another unit's answers 404. */
describe(`the residents' portal: follow-up scores [${ENGINE}]`, () => {
  let t: TestApp;
  let estateId: string;
  let unitId: string;
  let neighbourUnitId: string;
  let resident: Client;
  let desk: Client;

  beforeEach(async () => {
    t = await createTestApp({ now: NOW });
    estateId = (await buildEstate(t)).id;
    const building = await buildBuilding(t, estateId, 'A座');
    unitId = (await buildUnit(t, estateId, { buildingId: building.id, number: '12B' })).id;
    neighbourUnitId = (await buildUnit(t, estateId, { buildingId: building.id, number: '3A' })).id;
    const residentId = (await buildResident(t, estateId, { name: '陳大文', unitIds: [unitId] })).id;
    await buildStaff(t, estateId, { username: 'desk', role: 'receptionist' });
    desk = await t.as('desk');
    resident = await buildResidentClient(t, estateId, residentId);
  });
  afterEach(async () => t.close());

  /** A repair of the unit, completed: its R-FU-1 follow-up is open. */
  async function completedRepair(onUnit: string) {
    const c = await desk.post(`/estates/${estateId}/cases`, {
      kind: 'repair',
      channel: 'counter',
      unitId: onUnit,
      repairClass: 'other',
      description: '大門閉門器失靈',
      occurredAt: '2026-11-18T01:00:00.000Z',
    });
    await desk.post(`/cases/${c.body.id}/repair/complete`, { workDone: '已更換閉門器', completedAt: '2026-11-19T01:00:00.000Z' });
    const list = await desk.get(`/estates/${estateId}/follow-ups?queue=all&caseId=${c.body.id}`);
    return { caseId: c.body.id as string, followUpId: list.body.items[0].id as string };
  }
  const recordVisit = (followUpId: string) =>
    desk.post(`/follow-ups/${followUpId}/record`, {
      occurredAt: '2026-11-20T01:00:00.000Z',
      method: 'visit',
      result: 'ok',
      residentWords: '已經冇問題',
      satisfaction: 4,
    });
  const score = (followUpId: string, body: Record<string, unknown> = { score: 5, comment: '師傅好細心' }) =>
    resident.post(`/estates/${estateId}/portal/follow-ups/${followUpId}/score`, body);

  it('a visit is scored once it is recorded, once; the score shows on the case and is kept apart from the visit’s own', async () => {
    const { caseId, followUpId } = await completedRepair(unitId);
    const shown = await resident.get(`/estates/${estateId}/portal/cases/${caseId}`);
    expect(shown.body.followUps).toEqual([
      expect.objectContaining({ id: followUpId, kind: 'after_repair', visitedAt: null, canScore: false, residentScore: null }),
    ]);
    expect(shown.body.followUps[0].dueAt).not.toBeNull();
    const early = await score(followUpId);
    expect(early.status).toBe(422);
    expect(early.body.error).toMatchObject({ code: 'followup.not_visited', details: { field: 'score' } });

    await recordVisit(followUpId);
    const before = await resident.get(`/estates/${estateId}/portal/cases/${caseId}`);
    expect(before.body.followUps[0]).toMatchObject({ visitedAt: '2026-11-20T01:00:00.000Z', outcome: 'ok', canScore: true });

    const res = await score(followUpId);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ id: followUpId, residentScore: 5, residentComment: '師傅好細心', canScore: false });
    const row = await t.ctx.db.selectFrom('followups').selectAll().where('id', '=', followUpId).executeTakeFirstOrThrow();
    expect([row.resident_score, row.resident_comment, row.satisfaction]).toEqual([5, '師傅好細心', 4]);
    const history = await t.ctx.db.selectFrom('history').select('action').where('entity_id', '=', followUpId).orderBy('seq').execute();
    expect(history.at(-1)?.action).toBe('resident.scored');
    const after = await resident.get(`/estates/${estateId}/portal/cases/${caseId}`);
    expect(after.body.followUps[0]).toMatchObject({ residentScore: 5, canScore: false });

    const again = await score(followUpId, { score: 1 });
    expect(again.status).toBe(422);
    expect(again.body.error.code).toBe('followup.already_scored');
  });

  it('a score is 1 to 5: anything else answers 400 naming score', async () => {
    const { followUpId } = await completedRepair(unitId);
    await recordVisit(followUpId);
    for (const value of [0, 6, 2.5, '5']) {
      const res = await score(followUpId, { score: value });
      expect(res.status).toBe(400);
      expect(JSON.stringify(res.body.error.details)).toContain('score');
    }
  });

  it("another unit's follow-up answers 404 like a missing one, and nothing is kept", async () => {
    const { followUpId } = await completedRepair(neighbourUnitId);
    await recordVisit(followUpId);
    const res = await score(followUpId);
    expect(res.status).toBe(404);
    expect(JSON.stringify(res.body)).not.toContain('閉門器');
    const missing = await score('01900000-0000-7000-8000-000000000000');
    expect(missing.status).toBe(404);
    const row = await t.ctx.db.selectFrom('followups').selectAll().where('id', '=', followUpId).executeTakeFirstOrThrow();
    expect(row.resident_score).toBeNull();
    const staff = await desk.post(`/estates/${estateId}/portal/follow-ups/${followUpId}/score`, { score: 5 });
    expect(staff.status).toBe(403);
    expect(staff.body.error.details.ability).toBe('portal.followup.score');
  });
});
