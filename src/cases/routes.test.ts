import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildResident, buildStaff, buildWorld } from '../../test/support/factories.js';
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
  let fixerId: string;
  let propertyId: string;
  beforeEach(async () => {
    t = await createTestApp({ now: NOW });
    world = await buildWorld(t);
    const depts = await t.admin.get(`/estates/${world.estate.id}/departments`);
    const property = depts.body.items.find((d: { code: string }) => d.code === 'property');
    const engineering = depts.body.items.find((d: { code: string }) => d.code === 'engineering');
    propertyId = property.id;
    await buildStaff(t, world.estate.id, { username: 'boss', role: 'manager', departmentId: property.id });
    await buildStaff(t, world.estate.id, { username: 'desk', role: 'receptionist' });
    fixerId = (await buildStaff(t, world.estate.id, { username: 'fixer', role: 'maintenance', departmentId: engineering.id })).id;
  });
  afterEach(async () => t.close());

  type Client = Awaited<ReturnType<TestApp['as']>>;
  const hotlineComplaint = (desk: Client, occurredAt: string, description = '樓上單位深夜噪音') =>
    desk.post(`/estates/${world.estate.id}/cases`, {
      kind: 'complaint',
      channel: 'hotline',
      unitId: world.unit.id,
      residentId: world.resident.id,
      description,
      occurredAt,
    });
  /** A leak reported by phone unless `more` says otherwise. */
  const repairCase = (desk: Client, description: string, more: Record<string, unknown> = {}) =>
    desk.post(`/estates/${world.estate.id}/cases`, { kind: 'repair', channel: 'phone', description, repairClass: 'leak', ...more });
  /** Uploads raw bytes as a photo of the case, as `who`; a PNG unless the headers say otherwise. */
  const upload = (who: Client, caseId: string, payload: Buffer | string, headers: Record<string, string> = {}) =>
    t.app.inject({
      method: 'POST',
      url: `/api/v1/cases/${caseId}/attachments`,
      headers: { cookie: who.cookie as string, 'x-csrf-token': who.csrfToken as string, 'content-type': 'image/png', ...headers },
      payload,
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
    const ok = await repairCase(desk, '水喉漏水');
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
    // R-CP-5: the resident was told the case number at intake.
    expect(esc.body.timeline.map((e: { type: string }) => e.type)).toEqual(['recorded', 'progress_message', 'forwarded', 'escalated']);
    expect(esc.body.obligations[0].departmentId).toBe(finance.id);
  });

  it('suggests the department and people whose duties cover the case, and assigning moves it to assigned', async () => {
    const desk = await t.as('desk');
    const c = await repairCase(desk, '升降機故障', { channel: 'counter', repairClass: 'safety' });
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
      const c = await repairCase(desk, '浴室天花滲水', { occurredAt: hoursAgo(30) });
      // Assigned to the maintenance worker, the case is theirs: starting it makes them its repairer.
      await desk.post(`/cases/${c.body.id}/assign`, { assigneeId: fixerId });
      const fixer = await t.as('fixer');
      const started = await fixer.post(`/cases/${c.body.id}/repair/start`, {});
      expect(started.body).toMatchObject({ status: 'in_progress', maintenanceStaff: { id: fixerId, name: expect.any(String) } });
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
    const leak = await repairCase(desk, '浴室天花滲水');
    await desk.post(`/estates/${world.estate.id}/cases`, { kind: 'inquiry', channel: 'counter', description: '查詢管理費' });
    const english = await repairCase(desk, 'Water leaking from the kitchen pipe');
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
    const up = await upload(desk, c.body.id, PNG, { 'x-file-name': encodeURIComponent('天花.png') });
    expect(up.statusCode).toBe(201);
    const saved = JSON.parse(up.body);
    expect(saved).toMatchObject({ fileName: '天花.png', contentType: 'image/png', size: PNG.length });
    const got = await t.app.inject({ method: 'GET', url: saved.url, headers: { cookie: desk.cookie as string } });
    expect(got.statusCode).toBe(200);
    expect(got.headers['content-type']).toBe('image/png');
    expect(got.headers['x-content-type-options']).toBe('nosniff');
    expect(got.rawPayload.equals(PNG)).toBe(true);
    const html = await upload(desk, c.body.id, '<script>alert(1)</script>', { 'content-type': 'text/html' });
    expect(html.statusCode).toBe(415);
    const disguised = await upload(desk, c.body.id, Buffer.from('<svg onload=alert(1)>'));
    expect(disguised.statusCode).toBe(400);
    expect((await desk.get(`/cases/${c.body.id}`)).body.attachments).toHaveLength(1);
  });

  it('an X-File-Name that is not valid percent-encoding is refused with 400 naming the header, not a server error', async () => {
    const desk = await t.as('desk');
    const c = await hotlineComplaint(desk, hoursAgo(1));
    for (const name of ['%', '%E5%A4', 'a%zz.png']) {
      const res = await upload(desk, c.body.id, PNG, { 'x-file-name': name });
      expect(res.statusCode).toBe(400);
      const error = JSON.parse(res.body).error;
      expect(error.code).toBe('validation.failed');
      expect(error.details.field).toBe('X-File-Name');
      expect(error.message).toContain('X-File-Name');
    }
    expect((await desk.get(`/cases/${c.body.id}`)).body.attachments).toHaveLength(0);
  });

  it('[R-CP-5] each reply is queued once as an email to a resident who chose email, with the case number', async () => {
    await t.admin.patch(`/residents/${world.resident.id}`, { email: 'resident@example.com', notifyChannel: 'email' });
    const desk = await t.as('desk');
    const c = await hotlineComplaint(desk, hoursAgo(3));
    await desk.post(`/cases/${c.body.id}/replies`, { method: 'call', content: '已致電說明' });
    await desk.post(`/cases/${c.body.id}/replies`, { method: 'written', content: '我們已安排師傅明早上門檢查。' });
    const queued = await t.ctx.db
      .selectFrom('outbox')
      .selectAll()
      .where('recipient', '=', 'resident@example.com')
      .where('event_key', 'like', 'progress.reply:%')
      .orderBy('body')
      .execute();
    expect(queued).toHaveLength(2);
    expect(queued[0]).toMatchObject({ channel: 'email', status: 'pending' });
    expect(queued[0]?.subject).toContain(c.body.number);
    expect(queued.map((q) => q.body).join('\n')).toContain('我們已安排師傅明早上門檢查。');
  });

  describe('who may do what with a case (cases/policy.ts)', () => {
    /** A hotline complaint with a reply and a recorded result, waiting for the resident's satisfaction. */
    async function resolvedComplaint(): Promise<string> {
      const desk = await t.as('desk');
      const c = await hotlineComplaint(desk, hoursAgo(5));
      await desk.post(`/cases/${c.body.id}/replies`, { method: 'call', content: '已通知樓上住戶' });
      await desk.post(`/cases/${c.body.id}/resolve`, { result: '已向樓上住戶發出提示' });
      return c.body.id;
    }
    const typesOf = (detail: { timeline: { type: string }[] }) => detail.timeline.map((e) => e.type);

    it('[R-CP-3] a department account and a maintenance account closing a complaint are refused 403 naming case.close; the desk closes it', async () => {
      const id = await resolvedComplaint();
      const desk = await t.as('desk');
      await desk.post(`/cases/${id}/satisfaction`, { satisfaction: 'satisfied' });
      // Even assigned to the maintenance worker, the complaint is not theirs to close.
      await desk.post(`/cases/${id}/assign`, { assigneeId: fixerId });
      await buildStaff(t, world.estate.id, { username: 'dept', role: 'department', departmentId: propertyId });
      for (const username of ['dept', 'fixer']) {
        const who = await t.as(username);
        for (const body of [{}, { reason: '已處理完畢' }]) {
          const res = await who.post(`/cases/${id}/close`, body);
          expect(res.status, `${username} ${JSON.stringify(body)}`).toBe(403);
          expect(res.body.error).toMatchObject({ code: 'auth.forbidden', details: { ability: 'case.close' } });
        }
      }
      const still = await desk.get(`/cases/${id}`);
      expect(still.body).toMatchObject({ status: 'resolved', closedAt: null });
      expect(typesOf(still.body)).not.toContain('closed');
      const closed = await desk.post(`/cases/${id}/close`, {});
      expect(closed.status).toBe(200);
      expect(closed.body.status).toBe('closed');
    });

    it("[R-CP-3] recording the resident's satisfaction as a department account is refused 403 naming case.satisfaction; nothing is recorded", async () => {
      const id = await resolvedComplaint();
      await buildStaff(t, world.estate.id, { username: 'dept', role: 'department', departmentId: propertyId });
      const dept = await t.as('dept');
      const res = await dept.post(`/cases/${id}/satisfaction`, { satisfaction: 'satisfied', note: '業戶表示滿意' });
      expect(res.status).toBe(403);
      expect(res.body.error).toMatchObject({ code: 'auth.forbidden', details: { ability: 'case.satisfaction' } });
      const after = await dept.get(`/cases/${id}`);
      expect(after.status).toBe(200);
      expect(after.body.satisfaction).toBeNull();
      expect(typesOf(after.body)).not.toContain('satisfaction');
    });

    it('[R-CP-3] closing a complaint without satisfaction with a reason: a receptionist is refused 403 naming case.close.unsatisfied, a manager closes it', async () => {
      const id = await resolvedComplaint();
      const desk = await t.as('desk');
      const refused = await desk.post(`/cases/${id}/close`, { reason: '業戶拒絕回答是否滿意' });
      expect(refused.status).toBe(403);
      expect(refused.body.error).toMatchObject({ code: 'auth.forbidden', details: { ability: 'case.close.unsatisfied' } });
      expect((await desk.get(`/cases/${id}`)).body).toMatchObject({ status: 'resolved', closedAt: null, closeReason: null });
      const boss = await t.as('boss');
      const closed = await boss.post(`/cases/${id}/close`, { reason: '業戶拒絕回答是否滿意' });
      expect(closed.status).toBe(200);
      expect(closed.body).toMatchObject({ status: 'closed', closedAt: NOW, closeReason: '業戶拒絕回答是否滿意' });
    });

    it("a maintenance worker reads the repair they hold with the resident's phone; the estate's other cases answer 404 and their list and search show only their own", async () => {
      const desk = await t.as('desk');
      const repair = (description: string, residentId: string) => repairCase(desk, description, { unitId: world.unit.id, residentId });
      const held = await repair('浴室天花滲水', world.resident.id);
      await desk.post(`/cases/${held.body.id}/repair/start`, { maintenanceStaffId: fixerId });
      const assigned = await repair('露台去水渠淤塞', world.resident.id);
      await desk.post(`/cases/${assigned.body.id}/assign`, { assigneeId: fixerId });
      const neighbour = await buildResident(t, world.estate.id, { name: '李鄰居', phone: '98887777', unitIds: [world.unit.id] });
      const other = await repair('廚房水喉爆裂', neighbour.id);
      const complaint = await hotlineComplaint(desk, hoursAgo(1));
      const photo = await upload(desk, other.body.id, PNG);
      expect(photo.statusCode).toBe(201);

      const fixer = await t.as('fixer');
      const read = await fixer.get(`/cases/${held.body.id}`);
      expect(read.status).toBe(200);
      expect(read.body).toMatchObject({
        residentName: world.resident.name,
        residentPhone: world.resident.phone,
        maintenanceStaff: { id: fixerId },
      });
      expect((await fixer.get(`/cases/${assigned.body.id}`)).status).toBe(200);

      const missing = await fixer.get('/cases/019a0000-0000-7000-8000-000000000000');
      expect(missing.status).toBe(404);
      for (const id of [other.body.id, complaint.body.id]) {
        const res = await fixer.get(`/cases/${id}`);
        expect(res.status).toBe(404);
        expect(res.body).toEqual(missing.body);
      }
      for (const [path, body] of [
        ['notes', { content: '順道看看' }],
        ['repair/start', {}],
        ['repair/work', { workDone: '更換喉管' }],
      ] as const) {
        const res = await fixer.post(`/cases/${other.body.id}/${path}`, body);
        expect(res.status, path).toBe(404);
        expect(JSON.stringify(res.body)).not.toContain('98887777');
      }
      const otherPhoto = await t.app.inject({
        method: 'GET',
        url: JSON.parse(photo.body).url,
        headers: { cookie: fixer.cookie as string },
      });
      expect(otherPhoto.statusCode).toBe(404);
      expect((await fixer.post(`/cases/${held.body.id}/notes`, { content: '明早上門' })).status).toBe(200);
      expect((await fixer.post(`/cases/${assigned.body.id}/repair/start`, {})).body.maintenanceStaff).toMatchObject({ id: fixerId });

      const list = await fixer.get(`/estates/${world.estate.id}/cases?pageSize=100`);
      expect(list.status).toBe(200);
      expect(list.body.total).toBe(2);
      expect(list.body.items.map((c: { id: string }) => c.id).sort()).toEqual([held.body.id, assigned.body.id].sort());
      expect(JSON.stringify(list.body)).not.toContain('98887777');
      expect((await desk.get(`/estates/${world.estate.id}/cases`)).body.total).toBe(4);
      // The office finds the neighbour's case by phone and words; the worker finds nothing of it.
      for (const q of ['98887777', '水喉']) {
        const path = `/estates/${world.estate.id}/cases/search?q=${encodeURIComponent(q)}`;
        expect(
          (await desk.get(path)).body.items.map((c: { id: string }) => c.id),
          q,
        ).toEqual([other.body.id]);
        const theirs = await fixer.get(path);
        expect(theirs.status, q).toBe(200);
        expect(theirs.body.total, q).toBe(0);
        expect((await fixer.get(`/estates/${world.estate.id}/cases?q=${encodeURIComponent(q)}`)).body.total, q).toBe(0);
      }
      const queue = await fixer.get(`/estates/${world.estate.id}/obligations`);
      expect(queue.status).toBe(403);
      expect(queue.body.error.details.ability).toBe('obligation.read');
    });

    it("roles are held per estate: the role in the case's estate decides, not the person's company-level role", async () => {
      await buildStaff(t, world.estate.id, { username: 'manager.elsewhere', role: 'manager', estateRole: 'receptionist' });
      const worker = await buildStaff(t, world.estate.id, { username: 'worker.here', role: 'receptionist', estateRole: 'maintenance' });
      const id = await resolvedComplaint();
      const counter = await t.as('manager.elsewhere');
      const refused = await counter.post(`/cases/${id}/close`, { reason: '業戶拒絕回答是否滿意' });
      expect(refused.status).toBe(403);
      expect(refused.body.error.details.ability).toBe('case.close.unsatisfied');

      const desk = await t.as('desk');
      const c = await repairCase(desk, '門鐘失靈', { repairClass: 'other' });
      await desk.post(`/cases/${c.body.id}/assign`, { assigneeId: worker.id });
      const here = await t.as('worker.here');
      const started = await here.post(`/cases/${c.body.id}/repair/start`, {});
      expect(started.status).toBe(200);
      expect(started.body.maintenanceStaff).toMatchObject({ id: worker.id });
      expect((await here.get(`/cases/${id}`)).status).toBe(404);
    });
  });
});
