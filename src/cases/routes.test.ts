import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildStaff, buildWorld } from '../../test/support/factories.js';
import { createTestApp, ENGINE, type TestApp } from '../../test/support/harness.js';
import { subscribe } from '../platform/events.js';
import { sweep } from '../platform/obligations/index.js';

const H = 3_600_000;
const NOW = '2026-11-20T02:00:00.000Z';
const hoursAgo = (h: number) => new Date(new Date(NOW).getTime() - h * H).toISOString();
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082',
  'hex',
);

describe(`cases [${ENGINE}]`, () => {
  let t: TestApp;
  let world: Awaited<ReturnType<typeof buildWorld>>;
  beforeEach(async () => {
    t = await createTestApp({ now: NOW });
    world = await buildWorld(t);
    const depts = await t.admin.get(`/estates/${world.estate.id}/departments`);
    const property = depts.body.items.find((d: { code: string }) => d.code === 'property');
    const engineering = depts.body.items.find((d: { code: string }) => d.code === 'engineering');
    await buildStaff(t, world.estate.id, { username: 'boss', role: 'manager', departmentId: property.id });
    await buildStaff(t, world.estate.id, { username: 'desk', role: 'receptionist' });
    await buildStaff(t, world.estate.id, { username: 'fixer', role: 'maintenance', departmentId: engineering.id });
  });
  afterEach(async () => t.close());

  const hotlineComplaint = (desk: Awaited<ReturnType<TestApp['as']>>, occurredAt: string, description = '樓上單位深夜噪音') =>
    desk.post(`/estates/${world.estate.id}/cases`, {
      kind: 'complaint',
      channel: 'hotline',
      unitId: world.unit.id,
      residentId: world.resident.id,
      description,
      occurredAt,
    });

  it('[R-IN-3] records a case with who, when it happened and when it was recorded, numbered per estate and year', async () => {
    const desk = await t.as('desk');
    const res = await hotlineComplaint(desk, hoursAgo(2));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      number: '2026-00001',
      kind: 'complaint',
      channel: 'hotline',
      status: 'new',
      occurredAt: hoursAgo(2),
      recordedAt: NOW,
      residentName: world.resident.name,
      residentPhone: world.resident.phone,
      unit: { number: '1A', buildingName: 'A座' },
      recordedBy: { name: expect.any(String) },
      department: { name: '物業部' },
    });
    expect(res.body.timeline[0]).toMatchObject({ type: 'recorded', text: '樓上單位深夜噪音' });
    expect(res.body.obligations).toEqual([
      expect.objectContaining({ rule: 'R-CP-1', dueAt: new Date(new Date(hoursAgo(2)).getTime() + 72 * H).toISOString(), state: 'open' }),
    ]);
    const second = await hotlineComplaint(desk, hoursAgo(1));
    expect(second.body.number).toBe('2026-00002');
  });

  it('[R-IN-4] a repair needs its class; other kinds may not have one', async () => {
    const desk = await t.as('desk');
    const missing = await desk.post(`/estates/${world.estate.id}/cases`, { kind: 'repair', channel: 'phone', description: '水喉漏水' });
    expect(missing.status).toBe(400);
    expect(missing.body.error.details.issues[0].path).toBe('body.repairClass');
    const wrong = await desk.post(`/estates/${world.estate.id}/cases`, {
      kind: 'inquiry',
      channel: 'phone',
      description: '查詢',
      repairClass: 'leak',
    });
    expect(wrong.status).toBe(400);
    const ok = await desk.post(`/estates/${world.estate.id}/cases`, {
      kind: 'repair',
      channel: 'phone',
      description: '水喉漏水',
      repairClass: 'leak',
    });
    expect(ok.body).toMatchObject({ repairClass: 'leak', department: { name: '工程部' }, obligations: [] });
  });

  it('[R-IN-3] an occurredAt in the future is refused naming the field', async () => {
    const desk = await t.as('desk');
    const res = await hotlineComplaint(desk, new Date(new Date(NOW).getTime() + 2 * H).toISOString());
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('occurredAt');
  });

  it('[R-CP-1][R-CP-4] a hotline complaint 73 h old with no reply is overdue and escalated to the manager; one replied at 71 h was met on time', async () => {
    const desk = await t.as('desk');
    const late = await hotlineComplaint(desk, hoursAgo(73), '走廊燈壞了三天');
    const answered = await hotlineComplaint(desk, hoursAgo(73), '垃圾房異味');
    const reply = await desk.post(`/cases/${answered.body.id}/replies`, {
      method: 'call',
      content: '已安排清潔',
      repliedAt: new Date(new Date(hoursAgo(73)).getTime() + 71 * H).toISOString(),
    });
    expect(reply.status).toBe(200);
    expect(reply.body.obligations[0]).toMatchObject({ rule: 'R-CP-1', metOnTime: true, state: 'met' });
    expect(reply.body.firstReplyAt).toBe(new Date(new Date(hoursAgo(73)).getTime() + 71 * H).toISOString());

    const swept = await sweep(t.ctx);
    expect(swept.breached).toBe(1);

    const boss = await t.as('boss');
    const overdue = await boss.get(`/estates/${world.estate.id}/cases?overdue=true`);
    expect(overdue.body.items.map((c: { id: string }) => c.id)).toEqual([late.body.id]);
    const escalations = await boss.get(`/estates/${world.estate.id}/cases?escalated=true`);
    expect(escalations.body.items).toEqual([
      expect.objectContaining({ id: late.body.id, escalatedTo: expect.objectContaining({ name: expect.any(String) }), overdue: true }),
    ]);
    const queue = await boss.get(`/estates/${world.estate.id}/obligations?queue=overdue`);
    expect(queue.body.items).toEqual([
      expect.objectContaining({ rule: 'R-CP-1', subjectId: late.body.id, state: 'overdue', breachedAt: NOW, caseNumber: late.body.number }),
    ]);
    const detail = await boss.get(`/cases/${late.body.id}`);
    expect(detail.body.timeline.at(-1)).toMatchObject({ type: 'escalated', actor: null });
    expect(detail.body.timeline.at(-1).text).toContain('R-CP-4');

    // A second sweep (or a second instance) escalates nothing twice.
    expect((await sweep(t.ctx)).breached).toBe(0);
    const again = await boss.get(`/cases/${late.body.id}`);
    expect(again.body.timeline.filter((e: { type: string }) => e.type === 'escalated')).toHaveLength(1);
  });

  it('[R-CP-1] a reply after the deadline meets it late; an internal note meets nothing', async () => {
    const desk = await t.as('desk');
    const c = await hotlineComplaint(desk, hoursAgo(80));
    const note = await desk.post(`/cases/${c.body.id}/notes`, { content: '已致電,無人接聽' });
    expect(note.body.obligations[0]).toMatchObject({ state: 'overdue', metAt: null });
    const reply = await desk.post(`/cases/${c.body.id}/replies`, { method: 'visit', content: '上門了解情況' });
    expect(reply.body.obligations[0]).toMatchObject({ state: 'met', metOnTime: false, metAt: NOW });
  });

  it('[R-CP-1] asOf judges due and overdue at another time', async () => {
    const desk = await t.as('desk');
    const c = await hotlineComplaint(desk, hoursAgo(10));
    const now = await desk.get(`/estates/${world.estate.id}/cases?overdue=true`);
    expect(now.body.total).toBe(0);
    const later = await desk.get(
      `/estates/${world.estate.id}/cases?overdue=true&asOf=${encodeURIComponent(new Date(new Date(NOW).getTime() + 63 * H).toISOString())}`,
    );
    expect(later.body.items.map((x: { id: string }) => x.id)).toEqual([c.body.id]);
    const dueSoon = await desk.get(
      `/estates/${world.estate.id}/obligations?queue=due_soon&asOf=${encodeURIComponent(new Date(new Date(NOW).getTime() + 50 * H).toISOString())}`,
    );
    expect(dueSoon.body.total).toBe(1);
  });

  it('[R-CP-3] closing a complaint without satisfaction: refused for a receptionist, allowed for a manager with a reason', async () => {
    const desk = await t.as('desk');
    const c = await hotlineComplaint(desk, hoursAgo(5));
    await desk.post(`/cases/${c.body.id}/replies`, { method: 'call', content: '已通知樓上住戶' });
    await desk.post(`/cases/${c.body.id}/resolve`, { result: '已向樓上住戶發出提示' });
    const refused = await desk.post(`/cases/${c.body.id}/close`, {});
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('case.close_needs_satisfaction');
    expect(refused.body.error.message).toContain('R-CP-3');
    expect((await desk.get(`/cases/${c.body.id}`)).body.status).toBe('resolved');

    const boss = await t.as('boss');
    const noReason = await boss.post(`/cases/${c.body.id}/close`, {});
    expect(noReason.status).toBe(422);
    expect(noReason.body.error.code).toBe('case.close_needs_reason');
    const closed = await boss.post(`/cases/${c.body.id}/close`, { reason: '業戶拒絕回答是否滿意' });
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ status: 'closed', closeReason: '業戶拒絕回答是否滿意' });
  });

  it('[R-CP-3] "not satisfied" keeps the complaint open and escalates it; "satisfied" lets the desk close it', async () => {
    const desk = await t.as('desk');
    const c = await hotlineComplaint(desk, hoursAgo(5));
    await desk.post(`/cases/${c.body.id}/resolve`, { result: '已清理' });
    const unhappy = await desk.post(`/cases/${c.body.id}/satisfaction`, { satisfaction: 'not_satisfied', note: '仍然有異味' });
    expect(unhappy.body).toMatchObject({
      status: 'in_progress',
      satisfaction: 'not_satisfied',
      escalatedTo: expect.objectContaining({ id: expect.any(String) }),
    });
    expect((await desk.post(`/cases/${c.body.id}/close`, {})).status).toBe(422);
    await desk.post(`/cases/${c.body.id}/satisfaction`, { satisfaction: 'satisfied' });
    const closed = await desk.post(`/cases/${c.body.id}/close`, {});
    expect(closed.body.status).toBe('closed');
    const reopened = await desk.post(`/cases/${c.body.id}/reopen`, { reason: '業戶再次來電' });
    expect(reopened.body).toMatchObject({ status: 'new', satisfaction: null });
  });

  it('[R-CP-2] forwards to another department with a reason and escalates a policy matter to the manager, both on the timeline', async () => {
    const desk = await t.as('desk');
    const c = await hotlineComplaint(desk, hoursAgo(1));
    const depts = await desk.get(`/estates/${world.estate.id}/departments`);
    const finance = depts.body.items.find((d: { code: string }) => d.code === 'finance');
    const same = await desk.post(`/cases/${c.body.id}/forward`, { departmentId: c.body.department.id, reason: 'x' });
    expect(same.status).toBe(422);
    const fwd = await desk.post(`/cases/${c.body.id}/forward`, { departmentId: finance.id, reason: '涉及管理費計算' });
    expect(fwd.body.department).toMatchObject({ id: finance.id });
    const esc = await desk.post(`/cases/${c.body.id}/escalate`, { reason: '業戶要求豁免管理公約條款' });
    expect(esc.body.escalatedTo).not.toBeNull();
    expect(esc.body.timeline.map((e: { type: string }) => e.type)).toEqual(['recorded', 'forwarded', 'escalated']);
    expect(esc.body.obligations[0].departmentId).toBe(finance.id);
  });

  it('suggests the department and people whose duties cover the case, and assigning moves it to assigned', async () => {
    const desk = await t.as('desk');
    const c = await desk.post(`/estates/${world.estate.id}/cases`, {
      kind: 'repair',
      channel: 'counter',
      description: '升降機故障',
      repairClass: 'safety',
    });
    const s = await desk.get(`/cases/${c.body.id}/assignees`);
    expect(s.body.departments.map((d: { code: string }) => d.code)).toEqual(['engineering', 'security']);
    const fixer = s.body.staff.find((p: { name: string }) => p.name.startsWith('職員'));
    expect(fixer).toBeDefined();
    const assigned = await desk.post(`/cases/${c.body.id}/assign`, { assigneeId: fixer.id });
    expect(assigned.body).toMatchObject({ status: 'assigned', assignee: { id: fixer.id } });
  });

  it('repair work order: start, record work and materials, complete; completion emits repairCompleted with the class and time in the same transaction', async () => {
    const received: unknown[] = [];
    const off = subscribe('repairCompleted', async (trx, event) => {
      const row = await trx.selectFrom('cases').select('repair_completed_at').where('id', '=', event.caseId).executeTakeFirstOrThrow();
      received.push({ ...event, seenInTransaction: row.repair_completed_at });
    });
    try {
      const desk = await t.as('desk');
      const c = await desk.post(`/estates/${world.estate.id}/cases`, {
        kind: 'repair',
        channel: 'phone',
        description: '浴室天花滲水',
        repairClass: 'leak',
        occurredAt: hoursAgo(30),
      });
      const fixer = await t.as('fixer');
      const started = await fixer.post(`/cases/${c.body.id}/repair/start`, {});
      expect(started.body).toMatchObject({ status: 'in_progress', maintenanceStaff: { name: expect.any(String) } });
      await fixer.post(`/cases/${c.body.id}/repair/work`, { workDone: '更換喉管接頭', materials: '喉管接頭 x2' });
      const done = await fixer.post(`/cases/${c.body.id}/repair/complete`, { workDone: '已修妥', completedAt: hoursAgo(1) });
      expect(done.body).toMatchObject({ status: 'resolved', repairCompletedAt: hoursAgo(1) });
      expect(received).toEqual([
        {
          estateId: world.estate.id,
          caseId: c.body.id,
          repairClass: 'leak',
          completedAt: hoursAgo(1),
          actorId: expect.any(String),
          seenInTransaction: hoursAgo(1),
        },
      ]);
      expect((await fixer.post(`/cases/${c.body.id}/repair/complete`, {})).status).toBe(422);
      const inquiry = await desk.post(`/estates/${world.estate.id}/cases`, { kind: 'inquiry', channel: 'phone', description: '查詢' });
      expect((await desk.post(`/cases/${inquiry.body.id}/repair/start`, {})).status).toBe(422);
    } finally {
      off();
    }
  });

  it('searching 滲水 finds a case described as 浴室天花滲水; Simplified and English work too', async () => {
    const desk = await t.as('desk');
    const leak = await desk.post(`/estates/${world.estate.id}/cases`, {
      kind: 'repair',
      channel: 'phone',
      description: '浴室天花滲水',
      repairClass: 'leak',
    });
    await desk.post(`/estates/${world.estate.id}/cases`, { kind: 'inquiry', channel: 'counter', description: '查詢管理費' });
    const english = await desk.post(`/estates/${world.estate.id}/cases`, {
      kind: 'repair',
      channel: 'phone',
      description: 'Water leaking from the kitchen pipe',
      repairClass: 'leak',
    });
    for (const q of ['滲水', '渗水', '天花']) {
      const res = await desk.get(`/estates/${world.estate.id}/cases/search?q=${encodeURIComponent(q)}`);
      expect(
        res.body.items.map((c: { id: string }) => c.id),
        q,
      ).toEqual([leak.body.id]);
    }
    const en = await desk.get(`/estates/${world.estate.id}/cases?q=leak`);
    expect(en.body.items.map((c: { id: string }) => c.id)).toEqual([english.body.id]);
    const none = await desk.get(`/estates/${world.estate.id}/cases/search?q=${encodeURIComponent('漏電')}`);
    expect(none.body.total).toBe(0);
    await desk.post(`/cases/${english.body.id}/replies`, { method: 'call', content: '師傅明早上門' });
    const byReply = await desk.get(`/estates/${world.estate.id}/cases/search?q=${encodeURIComponent('師傅')}`);
    expect(byReply.body.items.map((c: { id: string }) => c.id)).toEqual([english.body.id]);
  });

  it('filters and pages the case list, and keeps saved views per person', async () => {
    const desk = await t.as('desk');
    for (let i = 0; i < 3; i++) await hotlineComplaint(desk, hoursAgo(i + 1));
    await desk.post(`/estates/${world.estate.id}/cases`, { kind: 'inquiry', channel: 'counter', description: '查詢' });
    const page = await desk.get(`/estates/${world.estate.id}/cases?pageSize=2&page=2&kind=complaint`);
    expect(page.body).toMatchObject({ total: 3, page: 2 });
    expect(page.body.items).toHaveLength(1);
    const counter = await desk.get(`/estates/${world.estate.id}/cases?channel=counter`);
    expect(counter.body.total).toBe(1);
    const view = await desk.post(`/estates/${world.estate.id}/case-views`, {
      name: '熱線投訴',
      query: { kind: 'complaint', channel: 'hotline' },
    });
    expect(view.status).toBe(201);
    expect((await desk.get(`/estates/${world.estate.id}/case-views`)).body.items).toEqual([
      expect.objectContaining({ name: '熱線投訴', query: { kind: 'complaint', channel: 'hotline' } }),
    ]);
    const boss = await t.as('boss');
    expect((await boss.get(`/estates/${world.estate.id}/case-views`)).body.items).toEqual([]);
    expect((await boss.request('DELETE', `/case-views/${view.body.id}`)).status).toBe(404);
    expect((await desk.request('DELETE', `/case-views/${view.body.id}`)).status).toBe(200);
  });

  it('photos: a PNG is stored and served with safe headers; other types and disguised files are refused', async () => {
    const desk = await t.as('desk');
    const c = await hotlineComplaint(desk, hoursAgo(1));
    const up = await t.app.inject({
      method: 'POST',
      url: `/api/v1/cases/${c.body.id}/attachments`,
      headers: {
        cookie: desk.cookie as string,
        'x-csrf-token': desk.csrfToken as string,
        'content-type': 'image/png',
        'x-file-name': encodeURIComponent('天花.png'),
      },
      payload: PNG,
    });
    expect(up.statusCode).toBe(201);
    const saved = JSON.parse(up.body);
    expect(saved).toMatchObject({ fileName: '天花.png', contentType: 'image/png', size: PNG.length });
    const got = await t.app.inject({ method: 'GET', url: saved.url, headers: { cookie: desk.cookie as string } });
    expect(got.statusCode).toBe(200);
    expect(got.headers['content-type']).toBe('image/png');
    expect(got.headers['x-content-type-options']).toBe('nosniff');
    expect(got.rawPayload.equals(PNG)).toBe(true);
    const html = await t.app.inject({
      method: 'POST',
      url: `/api/v1/cases/${c.body.id}/attachments`,
      headers: { cookie: desk.cookie as string, 'x-csrf-token': desk.csrfToken as string, 'content-type': 'text/html' },
      payload: '<script>alert(1)</script>',
    });
    expect(html.statusCode).toBe(415);
    const disguised = await t.app.inject({
      method: 'POST',
      url: `/api/v1/cases/${c.body.id}/attachments`,
      headers: { cookie: desk.cookie as string, 'x-csrf-token': desk.csrfToken as string, 'content-type': 'image/png' },
      payload: Buffer.from('<svg onload=alert(1)>'),
    });
    expect(disguised.statusCode).toBe(400);
    expect((await desk.get(`/cases/${c.body.id}`)).body.attachments).toHaveLength(1);
  });

  it('an X-File-Name that is not valid percent-encoding is refused with 400 naming the header, not a server error', async () => {
    const desk = await t.as('desk');
    const c = await hotlineComplaint(desk, hoursAgo(1));
    for (const name of ['%', '%E5%A4', 'a%zz.png']) {
      const res = await t.app.inject({
        method: 'POST',
        url: `/api/v1/cases/${c.body.id}/attachments`,
        headers: {
          cookie: desk.cookie as string,
          'x-csrf-token': desk.csrfToken as string,
          'content-type': 'image/png',
          'x-file-name': name,
        },
        payload: PNG,
      });
      expect(res.statusCode).toBe(400);
      const error = JSON.parse(res.body).error;
      expect(error.code).toBe('validation.failed');
      expect(error.details.field).toBe('X-File-Name');
      expect(error.message).toContain('X-File-Name');
    }
    expect((await desk.get(`/cases/${c.body.id}`)).body.attachments).toHaveLength(0);
  });

  it('a written reply is queued once as an email to a resident who has an address; a call is not', async () => {
    await t.admin.patch(`/residents/${world.resident.id}`, { email: 'resident@example.com' });
    const desk = await t.as('desk');
    const c = await hotlineComplaint(desk, hoursAgo(3));
    await desk.post(`/cases/${c.body.id}/replies`, { method: 'call', content: '已致電說明' });
    await desk.post(`/cases/${c.body.id}/replies`, { method: 'written', content: '我們已安排師傅明早上門檢查。' });
    const queued = await t.ctx.db.selectFrom('outbox').selectAll().where('recipient', '=', 'resident@example.com').execute();
    expect(queued).toHaveLength(1);
    expect(queued[0]).toMatchObject({ channel: 'email', status: 'pending' });
    expect(queued[0]?.subject).toContain(c.body.number);
    expect(queued[0]?.body).toContain('我們已安排師傅明早上門檢查。');
  });
});
