import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildBuilding, buildEstate, buildResident, buildResidentClient, buildStaff, buildUnit } from '../../../test/support/factories.js';
import { type Client, createTestApp, ENGINE, type TestApp } from '../../../test/support/harness.js';
import { PORTAL_STAFF_ID } from '../../auth/index.js';
import type { LiveEvent } from '../../platform/live.js';

const NOW = '2026-11-20T02:00:00.000Z';
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082',
  'hex',
);

/** R-PT-1, R-IN-1, R-CP-3: the residents' portal: what a resident reports, follows and answers, and only of their own units. */
describe(`the residents' portal: cases [${ENGINE}]`, () => {
  let t: TestApp;
  let estateId: string;
  let unitId: string;
  let neighbourUnitId: string;
  let residentId: string;
  let neighbourId: string;
  let resident: Client;
  let desk: Client;
  let accountId: string;

  beforeEach(async () => {
    t = await createTestApp({ now: NOW });
    estateId = (await buildEstate(t)).id;
    const building = await buildBuilding(t, estateId, 'A座');
    unitId = (await buildUnit(t, estateId, { buildingId: building.id, number: '12B' })).id;
    neighbourUnitId = (await buildUnit(t, estateId, { buildingId: building.id, number: '3A' })).id;
    residentId = (await buildResident(t, estateId, { name: '陳大文', phone: '9123 4567', unitIds: [unitId] })).id;
    neighbourId = (await buildResident(t, estateId, { name: '李鄰居', phone: '9876 5432', unitIds: [neighbourUnitId] })).id;
    await buildStaff(t, estateId, { username: 'boss', role: 'manager' });
    await buildStaff(t, estateId, { username: 'desk', role: 'receptionist' });
    desk = await t.as('desk');
    resident = await buildResidentClient(t, estateId, residentId);
    accountId = (await resident.get('/portal/session')).body.account.id;
  });
  afterEach(async () => t.close());

  const portal = (path = '') => `/estates/${estateId}/portal${path}`;
  const report = (body: Record<string, unknown>, who: Client = resident) =>
    who.post(portal('/cases'), { unitId, kind: 'inquiry', description: '會所幾點開?', ...body });
  /** A case of the neighbour's unit, recorded at the counter. */
  const neighbourCase = (kind = 'complaint', description = '李鄰居投訴走廊雜物') =>
    desk.post(`/estates/${estateId}/cases`, { kind, channel: 'counter', unitId: neighbourUnitId, residentId: neighbourId, description });
  const uploadPhoto = (who: Client, caseId: string, bytes: Buffer = PNG, type = 'image/png') =>
    who.request('POST', portal(`/cases/${caseId}/attachments`), undefined, {
      rawBody: bytes,
      headers: { 'content-type': type, 'x-file-name': encodeURIComponent('廚房.png') },
    });

  it('[R-IN-1] a resident reports each kind of case on their unit: channel portal, recorded by the portal, with their name and phone from the directory', async () => {
    const bodies = [
      { kind: 'inquiry', description: '會所幾點開?' },
      { kind: 'repair', repairClass: 'leak', description: '浴室天花滲水' },
      { kind: 'complaint', description: '樓上深夜噪音' },
      { kind: 'fee', description: '管理費收據' },
      { kind: 'suggestion', description: '大堂加設座椅' },
      { kind: 'praise', description: '保安員好幫手' },
    ];
    for (const body of bodies) {
      const res = await report(body);
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect(res.body).toMatchObject({
        kind: body.kind,
        channel: 'portal',
        status: 'new',
        description: body.description,
        repairClass: body.kind === 'repair' ? 'leak' : null,
        unit: { id: unitId, label: 'A座 12B', building: 'A座', number: '12B' },
        timeline: [{ type: 'recorded', text: body.description }],
      });
      const row = await t.ctx.db.selectFrom('cases').selectAll().where('id', '=', res.body.id).executeTakeFirstOrThrow();
      expect([row.channel, row.recorded_by, row.resident_id, row.resident_name, row.resident_phone, row.unit_id]).toEqual([
        'portal',
        PORTAL_STAFF_ID,
        residentId,
        '陳大文',
        '9123 4567',
        unitId,
      ]);
      const history = await t.ctx.db.selectFrom('history').select(['action', 'actor_id']).where('entity_id', '=', res.body.id).execute();
      expect(history).toEqual([{ action: 'created', actor_id: accountId }]);
    }
    const numbers = (await t.ctx.db.selectFrom('cases').select('number').orderBy('number').execute()).map((r) => r.number);
    expect(numbers).toEqual(['2026-00001', '2026-00002', '2026-00003', '2026-00004', '2026-00005', '2026-00006']);
  });

  it("a report names one of the resident's own units: another unit answers 422 naming unitId; a repair without its class 400", async () => {
    const other = await report({ unitId: neighbourUnitId });
    expect(other.status).toBe(422);
    expect(other.body.error).toMatchObject({ code: 'reference.not_found', details: { field: 'unitId' } });
    const noClass = await report({ kind: 'repair', description: '漏水' });
    expect(noClass.status).toBe(400);
    expect(JSON.stringify(noClass.body.error.details)).toContain('repairClass');
    expect(await t.ctx.db.selectFrom('cases').select('id').execute()).toEqual([]);
  });

  it('[R-CP-1] a portal complaint enters the staff list with channel portal and its reply deadline, routed like a counter case, and the staff screens are told', async () => {
    const told: LiveEvent[] = [];
    const off = t.ctx.live.subscribe((e) => told.push(e));
    const res = await report({ kind: 'complaint', description: '樓上深夜噪音', occurredAt: '2026-11-20T01:00:00.000Z' });
    off();
    expect(res.status).toBe(201);
    const list = await desk.get(`/estates/${estateId}/cases?channel=portal`);
    expect(list.body.total).toBe(1);
    expect(list.body.items[0]).toMatchObject({
      id: res.body.id,
      channel: 'portal',
      residentName: '陳大文',
      replyDueAt: '2026-11-23T01:00:00.000Z',
      recordedBy: { id: PORTAL_STAFF_ID },
    });
    expect(list.body.items[0].department).not.toBeNull();
    const counter = await desk.post(`/estates/${estateId}/cases`, { kind: 'complaint', channel: 'counter', description: '另一宗投訴' });
    expect(list.body.items[0].department.id).toBe(counter.body.department.id);
    const obligations = await t.ctx.db.selectFrom('obligations').select(['rule', 'due_at']).where('subject_id', '=', res.body.id).execute();
    expect(obligations.map((o) => [o.rule, new Date(o.due_at).toISOString()])).toEqual([['R-CP-1', '2026-11-23T01:00:00.000Z']]);
    expect(told).toContainEqual({ estateId, type: 'case.created', subjectId: res.body.id });
    const found = await desk.get(`/estates/${estateId}/cases/search?q=${encodeURIComponent('深夜噪音')}`);
    expect(found.body.items.map((c: { id: string }) => c.id)).toEqual([res.body.id]);
  });

  it('lists only their own cases, by status, kind and unit, in pages; counts hold nothing of other units', async () => {
    const first = await report({ kind: 'inquiry', description: '第一宗' });
    await report({ kind: 'repair', repairClass: 'other', description: '第二宗' });
    await report({ kind: 'complaint', description: '第三宗' });
    await neighbourCase();
    await desk.post(`/cases/${first.body.id}/close`, {});

    const all = await resident.get(portal('/cases'));
    expect(all.status).toBe(200);
    expect(all.body.total).toBe(3);
    expect(all.body.items.map((c: { description: string }) => c.description)).toEqual(['第三宗', '第二宗', '第一宗']);
    expect(JSON.stringify(all.body)).not.toContain('李鄰居');

    expect((await resident.get(portal('/cases?status=open'))).body.total).toBe(2);
    const closed = await resident.get(portal('/cases?status=closed'));
    expect(closed.body).toMatchObject({ total: 1, items: [{ id: first.body.id, status: 'closed' }] });
    const repairs = await resident.get(portal('/cases?kind=repair'));
    expect(repairs.body).toMatchObject({ total: 1, items: [{ description: '第二宗', repairClass: 'other' }] });
    const complaints = await resident.get(portal('/cases?kind=complaint'));
    expect(complaints.body.total).toBe(1);
    const page2 = await resident.get(portal('/cases?page=2&pageSize=2'));
    expect(page2.body).toMatchObject({ total: 3, page: 2, pageSize: 2, items: [{ description: '第一宗' }] });
    expect((await resident.get(portal(`/cases?unitId=${unitId}`))).body.total).toBe(3);
    const neighbours = await resident.get(portal(`/cases?unitId=${neighbourUnitId}`));
    expect(neighbours.body).toMatchObject({ total: 0, items: [] });
  });

  it('the detail shows replies, the repair and the result, never notes, forwarding reasons, escalations or staff data', async () => {
    await buildStaff(t, estateId, { username: 'fixer', role: 'maintenance' });
    const c = await report({ kind: 'repair', repairClass: 'leak', description: '浴室天花滲水' });
    const id = c.body.id;
    await desk.post(`/cases/${id}/notes`, { content: '內部備註:住戶好難搞' });
    await desk.post(`/cases/${id}/replies`, { method: 'call', content: '已安排師傅明早上門' });
    const depts = await desk.get(`/estates/${estateId}/departments`);
    const other = depts.body.items.find((d: { code: string }) => d.code !== 'engineering');
    await desk.post(`/cases/${id}/forward`, { departmentId: other.id, reason: '轉交內部理由' });
    await desk.post(`/cases/${id}/escalate`, { reason: '升級內部理由' });
    await desk.post(`/cases/${id}/repair/start`, {});
    await desk.post(`/cases/${id}/repair/complete`, { workDone: '已更換喉管', materials: '喉管 x1 內部物料' });

    const detail = await resident.get(portal(`/cases/${id}`));
    expect(detail.status).toBe(200);
    const types = detail.body.timeline.map((e: { type: string }) => e.type);
    expect(types).toEqual(['recorded', 'reply', 'repair_started', 'repair_completed']);
    expect(detail.body.timeline[1]).toMatchObject({ type: 'reply', text: '已安排師傅明早上門', data: { method: 'call' } });
    expect(detail.body.timeline[3]).toMatchObject({ type: 'repair_completed', text: '已更換喉管', data: {} });
    expect(detail.body).toMatchObject({ status: 'resolved', result: '已更換喉管' });
    const text = JSON.stringify(detail.body);
    for (const secret of ['內部備註', '轉交內部理由', '升級內部理由', '內部物料', '職員', 'desk', 'phraseWarnings']) {
      expect(text, secret).not.toContain(secret);
    }
    // The office still sees all of it.
    const staffView = await desk.get(`/cases/${id}`);
    expect(JSON.stringify(staffView.body)).toContain('內部備註');
  });

  it('a resident adds a photo to their case and reads it back at the portal address; the office sees it on the case', async () => {
    const c = await report({ kind: 'repair', repairClass: 'leak', description: '浴室天花滲水' });
    const up = await uploadPhoto(resident, c.body.id);
    expect(up.status, JSON.stringify(up.body)).toBe(201);
    expect(up.body).toMatchObject({ fileName: '廚房.png', contentType: 'image/png', size: PNG.length });
    expect(up.body.url).toBe(`/api/v1/estates/${estateId}/portal/cases/${c.body.id}/attachments/${up.body.id}`);
    const photo = await resident.get(up.body.url.replace('/api/v1', ''));
    expect(photo.status).toBe(200);
    expect(photo.headers['content-type']).toBe('image/png');
    expect(Buffer.from(photo.body as unknown as string, 'binary').length).toBeGreaterThan(0);
    const detail = await resident.get(portal(`/cases/${c.body.id}`));
    expect(detail.body.attachments).toEqual([expect.objectContaining({ id: up.body.id, url: up.body.url })]);
    const staffView = await desk.get(`/cases/${c.body.id}`);
    expect(staffView.body.attachments).toEqual([expect.objectContaining({ id: up.body.id, url: `/api/v1/attachments/${up.body.id}` })]);
    const row = await t.ctx.db.selectFrom('attachments').selectAll().where('id', '=', up.body.id).executeTakeFirstOrThrow();
    expect(row.created_by).toBe(PORTAL_STAFF_ID);

    const notImage = await uploadPhoto(resident, c.body.id, Buffer.from('not a png at all'));
    expect(notImage.status).toBe(400);
    expect(notImage.body.error.details.field).toBe('body');
    const pdf = await uploadPhoto(resident, c.body.id, Buffer.from('%PDF-1.4'), 'application/pdf');
    expect(pdf.status).toBe(415);
  });

  it('[R-CP-3] satisfied with a handled complaint closes it; before its result is recorded it is not asked', async () => {
    const c = await report({ kind: 'complaint', description: '樓上深夜噪音' });
    const early = await resident.post(portal(`/cases/${c.body.id}/satisfaction`), { satisfaction: 'satisfied' });
    expect(early.status).toBe(422);
    expect(early.body.error).toMatchObject({ code: 'case.satisfaction_not_asked', details: { field: 'satisfaction' } });
    await desk.post(`/cases/${c.body.id}/resolve`, { result: '已與樓上住戶溝通' });
    const waiting = await resident.get(portal(`/cases/${c.body.id}`));
    expect(waiting.body).toMatchObject({ awaitingSatisfaction: true, result: '已與樓上住戶溝通' });

    const res = await resident.post(portal(`/cases/${c.body.id}/satisfaction`), { satisfaction: 'satisfied', comment: '多謝跟進' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ status: 'closed', satisfaction: 'satisfied', awaitingSatisfaction: false });
    expect(res.body.closedAt).not.toBeNull();
    const row = await t.ctx.db.selectFrom('cases').selectAll().where('id', '=', c.body.id).executeTakeFirstOrThrow();
    expect([row.status, row.satisfaction, row.closed_by]).toEqual(['closed', 'satisfied', PORTAL_STAFF_ID]);
    const obligations = await t.ctx.db.selectFrom('obligations').selectAll().where('subject_id', '=', c.body.id).execute();
    expect(obligations.every((o) => o.met_at || o.cancelled_at)).toBe(true);
    const history = await t.ctx.db
      .selectFrom('history')
      .select(['action', 'actor_id'])
      .where('entity_id', '=', c.body.id)
      .orderBy('seq')
      .execute();
    expect(history.slice(-2)).toEqual([
      { action: 'satisfaction', actor_id: accountId },
      { action: 'closed', actor_id: accountId },
    ]);
    const again = await resident.post(portal(`/cases/${c.body.id}/satisfaction`), { satisfaction: 'satisfied' });
    expect(again.status).toBe(422);
  });

  it('[R-CP-3] not satisfied keeps the complaint open and escalates it to the manager', async () => {
    const c = await report({ kind: 'complaint', description: '樓上深夜噪音' });
    await desk.post(`/cases/${c.body.id}/resolve`, { result: '已發信提醒' });
    const res = await resident.post(portal(`/cases/${c.body.id}/satisfaction`), { satisfaction: 'not_satisfied', comment: '仍然好嘈' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'in_progress', satisfaction: 'not_satisfied', awaitingSatisfaction: false });
    expect(JSON.stringify(res.body.timeline)).not.toContain('escalated');
    const row = await t.ctx.db.selectFrom('cases').selectAll().where('id', '=', c.body.id).executeTakeFirstOrThrow();
    const boss = await t.ctx.db.selectFrom('staff').select('id').where('username', '=', 'boss').executeTakeFirstOrThrow();
    expect([row.status, row.closed_at, row.escalated_to]).toEqual(['in_progress', null, boss.id]);
    const staffView = await desk.get(`/cases/${c.body.id}`);
    expect(staffView.body.timeline.map((e: { type: string }) => e.type)).toContain('escalated');
  });

  it("[R-PT-1] another unit's case, its photo and another estate's answer 404 like a missing one, and nothing changes", async () => {
    const other = await neighbourCase();
    const staffPhoto = await t.app.inject({
      method: 'POST',
      url: `/api/v1/cases/${other.body.id}/attachments`,
      headers: { cookie: desk.cookie as string, 'x-csrf-token': desk.csrfToken as string, 'content-type': 'image/png' },
      payload: PNG,
    });
    const photoId = JSON.parse(staffPhoto.body).id as string;
    await desk.post(`/cases/${other.body.id}/resolve`, { result: '已清理' });
    const mine = await report({});
    const elsewhere = await buildEstate(t);
    const before = await t.ctx.db.selectFrom('history_heads').selectAll().execute();
    const missing = '01900000-0000-7000-8000-000000000000';
    for (const res of [
      await resident.get(portal(`/cases/${other.body.id}`)),
      await resident.get(portal(`/cases/${missing}`)),
      await resident.post(portal(`/cases/${other.body.id}/satisfaction`), { satisfaction: 'satisfied' }),
      await uploadPhoto(resident, other.body.id),
      await resident.get(portal(`/cases/${other.body.id}/attachments/${photoId}`)),
    ]) {
      expect(res.status, JSON.stringify(res.body)).toBe(404);
      expect(JSON.stringify(res.body)).not.toContain('李鄰居');
    }
    // Their own case does not open another case's photo either.
    const crossed = await resident.get(portal(`/cases/${mine.body.id}/attachments/${photoId}`));
    expect(crossed.status).toBe(404);
    expect((await resident.get(`/estates/${elsewhere.id}/portal/cases`)).status).toBe(404);
    expect(await t.ctx.db.selectFrom('history_heads').selectAll().execute()).toEqual(before);
  });

  it('staff hold none of the portal abilities: 403 naming the ability', async () => {
    const res = await desk.get(portal('/cases'));
    expect(res.status).toBe(403);
    expect(res.body.error.details.ability).toBe('portal.case.read');
    const create = await desk.post(portal('/cases'), { unitId, kind: 'inquiry', description: '查詢' });
    expect(create.status).toBe(403);
    expect(create.body.error.details.ability).toBe('portal.case.create');
  });
});
