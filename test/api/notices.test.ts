import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { notifyStaff, publishNotices, type StaffNotice } from '../../src/notices/notify.js';
import { registerNoticeRoutes } from '../../src/notices/routes.js';
import type { App } from '../../src/platform/http/app.js';
import type { LiveEvent } from '../../src/platform/live.js';
import { buildEstate, buildStaff } from '../support/factories.js';
import { ADMIN_PASSWORD, Client, createTestApp, ENGINE, type TestApp } from '../support/harness.js';
import { appWith } from '../support/live.js';

describe(`in-app notices [${ENGINE}]`, () => {
  let t: TestApp;
  let app: App;
  let estateA: string;
  let estateB: string;
  let desk: string;
  let manager: string;

  beforeEach(async () => {
    t = await createTestApp();
    app = await appWith(t.ctx, (api) => registerNoticeRoutes(api, t.ctx));
    estateA = (await buildEstate(t, { name: '海景花園' })).id;
    estateB = (await buildEstate(t, { name: '山景大廈' })).id;
    desk = (await buildStaff(t, estateA, { username: 'desk', role: 'receptionist' })).id;
    manager = (await buildStaff(t, estateA, { username: 'mgr', role: 'manager' })).id;
    await t.ctx.db.updateTable('staff').set({ email: 'desk@harbour.example' }).where('id', '=', desk).execute();
  });
  afterEach(async () => {
    await app.close();
    await t.close();
  });

  async function signIn(username: string): Promise<Client> {
    const client = new Client(app);
    const res = await client.login(username, ADMIN_PASSWORD);
    expect(res.status).toBe(200);
    return client;
  }

  async function notify(notice: Partial<StaffNotice> & { staffIds: string[] }): Promise<string[]> {
    return t.ctx.db.transaction().execute((trx) =>
      notifyStaff(trx, t.ctx, {
        estateId: estateA,
        kind: 'case.assigned',
        subjectType: 'case',
        subjectId: 'case-1',
        data: { caseNumber: 'C-2026-0001', unit: '3座12A' },
        ...notice,
      }),
    );
  }

  it('a staff member lists their own notices, newest first, with the unread count; nobody else sees them', async () => {
    await notify({ staffIds: [desk, manager], subjectId: 'case-1' });
    t.clock.advance(60_000);
    await notify({ staffIds: [desk], kind: 'obligation.breached', subjectType: 'obligation', subjectId: 'ob-1', data: { rule: 'R-CP-1' } });

    const deskClient = await signIn('desk');
    const res = await deskClient.get('/notices');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ total: 2, page: 1, pageSize: 25, unreadCount: 2 });
    expect(res.body.items).toEqual([
      {
        id: expect.any(String),
        estateId: estateA,
        kind: 'obligation.breached',
        subjectType: 'obligation',
        subjectId: 'ob-1',
        data: { rule: 'R-CP-1' },
        createdAt: '2026-11-20T02:01:00.000Z',
        readAt: null,
      },
      expect.objectContaining({ kind: 'case.assigned', subjectId: 'case-1', data: { caseNumber: 'C-2026-0001', unit: '3座12A' } }),
    ]);

    const mine = await (await signIn('mgr')).get('/notices');
    expect(mine.body.items.map((n: { kind: string }) => n.kind)).toEqual(['case.assigned']);
    const admin = await (await signIn('admin')).get('/notices');
    expect(admin.body, 'an admin sees every estate, but only their own notices').toMatchObject({ total: 0, items: [], unreadCount: 0 });
  });

  it('marking a notice read records the time once, and the unread filter and count leave it out', async () => {
    await notify({ staffIds: [desk], subjectId: 'case-1' });
    await notify({ staffIds: [desk], subjectId: 'case-2' });
    const client = await signIn('desk');
    const [second, first] = (await client.get('/notices')).body.items;

    t.clock.advance(5 * 60_000);
    const read = await client.post(`/notices/${first.id}/read`);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ id: first.id, subjectId: 'case-1', readAt: '2026-11-20T02:05:00.000Z' });
    t.clock.advance(60_000);
    const again = await client.post(`/notices/${first.id}/read`);
    expect(again.body.readAt, 'reading it again keeps the first time').toBe('2026-11-20T02:05:00.000Z');

    const unread = await client.get('/notices?unread=true');
    expect(unread.body).toMatchObject({ total: 1, unreadCount: 1 });
    expect(unread.body.items.map((n: { id: string }) => n.id)).toEqual([second.id]);
    const all = await client.get('/notices?unread=false&pageSize=1&page=2');
    expect(all.body).toMatchObject({ total: 2, unreadCount: 1, page: 2, pageSize: 1 });
    expect(all.body.items.map((n: { id: string }) => n.id)).toEqual([first.id]);
  });

  it("another person's notice answers 404, exactly like one that does not exist, and stays unread", async () => {
    await notify({ staffIds: [manager] });
    const [managerNotice] = (await (await signIn('mgr')).get('/notices')).body.items;
    const client = await signIn('desk');

    const theirs = await client.post(`/notices/${managerNotice.id}/read`);
    expect(theirs.status).toBe(404);
    expect(theirs.body.error.code).toBe('not_found');
    const missing = await client.post('/notices/019a0000-0000-7000-8000-000000000000/read');
    expect(missing.status).toBe(404);
    expect(theirs.body).toEqual(missing.body);
    const row = await t.ctx.db.selectFrom('notices').select('read_at').where('id', '=', managerNotice.id).executeTakeFirstOrThrow();
    expect(row.read_at).toBeNull();
  });

  it('notices of an estate the person no longer works for are neither listed nor marked', async () => {
    await notify({ staffIds: [desk], estateId: estateB, subjectId: 'case-b' });
    await notify({ staffIds: [desk], estateId: estateA, subjectId: 'case-a' });
    const client = await signIn('desk');
    const res = await client.get('/notices');
    expect(res.body.items.map((n: { subjectId: string }) => n.subjectId)).toEqual(['case-a']);
    expect(res.body.unreadCount).toBe(1);
    const hidden = await t.ctx.db.selectFrom('notices').select('id').where('estate_id', '=', estateB).executeTakeFirstOrThrow();
    expect((await client.post(`/notices/${hidden.id}/read`)).status).toBe(404);
    expect((await client.get(`/notices?estateId=${estateB}`)).status).toBe(404);
    expect((await client.get(`/notices?estateId=${estateA}`)).body.total).toBe(1);
  });

  it('asking for a bad filter is refused naming it; without a session nothing is shown', async () => {
    const client = await signIn('desk');
    const bad = await client.get('/notices?unread=maybe');
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.issues[0].path).toBe('querystring.unread');
    const anonymous = await new Client(app).get('/notices');
    expect(anonymous.status).toBe(401);
    const notice = await notify({ staffIds: [desk] });
    expect(notice).toEqual([desk]);
    const anyNotice = await t.ctx.db.selectFrom('notices').select('id').executeTakeFirstOrThrow();
    expect((await new Client(app).post(`/notices/${anyNotice.id}/read`)).status).toBe(401);
  });

  it('emails each notified person who has an address, once per occurrence however often notified', async () => {
    const email = { subject: '新個案已指派給你', body: '個案 C-2026-0001 已指派給你。', key: 'event-1' };
    expect(await notify({ staffIds: [desk, manager, desk], email })).toEqual([desk, manager]);
    await notify({ staffIds: [desk, manager], email });
    await notify({ staffIds: [desk], email: { ...email, key: 'event-2' } });

    const queued = await t.ctx.db.selectFrom('outbox').selectAll().orderBy('event_key').execute();
    expect(queued.map((r) => [r.event_key, r.channel, r.recipient, r.status])).toEqual([
      [`case.assigned:case-1:${desk}:event-1`, 'email', 'desk@harbour.example', 'pending'],
      [`case.assigned:case-1:${desk}:event-2`, 'email', 'desk@harbour.example', 'pending'],
    ]);
    expect(queued[0]).toMatchObject({ subject: '新個案已指派給你', body: '個案 C-2026-0001 已指派給你。', estate_id: estateA });
    const notices = await t.ctx.db.selectFrom('notices').select('staff_id').execute();
    expect(notices.filter((n) => n.staff_id === desk)).toHaveLength(3);
  });

  it('notices and their emails roll back with the change that made them', async () => {
    await expect(
      t.ctx.db.transaction().execute(async (trx) => {
        await notifyStaff(trx, t.ctx, {
          estateId: estateA,
          staffIds: [desk],
          kind: 'case.escalated',
          subjectType: 'case',
          subjectId: 'case-9',
          email: { subject: 's', body: 'b', key: 'k' },
        });
        throw new Error('the escalation failed');
      }),
    ).rejects.toThrow('the escalation failed');
    expect(await t.ctx.db.selectFrom('notices').selectAll().execute()).toEqual([]);
    expect(await t.ctx.db.selectFrom('outbox').selectAll().execute()).toEqual([]);
  });

  it("publishNotices tells the notified staff's screens; marking read tells the reader's other screens", async () => {
    const seen: LiveEvent[] = [];
    const off = t.ctx.live.subscribe((e) => seen.push(e));
    const staffIds = await notify({ staffIds: [desk, manager] });
    await publishNotices(t.ctx, estateA, staffIds);
    await publishNotices(t.ctx, estateA, []);
    const client = await signIn('desk');
    const [notice] = (await client.get('/notices')).body.items;
    await client.post(`/notices/${notice.id}/read`);
    await client.post(`/notices/${notice.id}/read`);
    off();
    expect(seen).toEqual([
      { estateId: estateA, type: 'notice.created', staffIds: [desk, manager] },
      { estateId: estateA, type: 'notice.read', subjectId: notice.id, staffIds: [desk] },
    ]);
  });
});
