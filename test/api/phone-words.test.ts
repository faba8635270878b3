import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildStaff, buildWorld } from '../support/factories.js';
import { createTestApp, ENGINE, type TestApp } from '../support/harness.js';

type Script = { situation: string; locale: string; text: string; custom: boolean };
type BoardRow = { staff: { id: string; name: string; phone: string | null; caseKinds: string[] } };

describe(`the plan's words on the phone desk [${ENGINE}]`, () => {
  let t: TestApp;
  let world: Awaited<ReturnType<typeof buildWorld>>;
  beforeEach(async () => {
    t = await createTestApp({ now: '2026-11-20T02:00:00.000Z' });
    world = await buildWorld(t);
  });
  afterEach(async () => t.close());

  it("[R-WD-2] the presence board gives each colleague's own number and the duties of their department, as the database holds them", async () => {
    const departments = await t.admin.get(`/estates/${world.estate.id}/departments`);
    const property = departments.body.items.find((d: { code: string }) => d.code === 'property');
    const created = await t.admin.post('/staff', {
      username: 'ho.property',
      name: '何志明',
      surname: '何',
      role: 'department',
      phone: '2345 6789',
      password: 'a long enough password',
      estates: [{ estateId: world.estate.id, departmentId: property.id, counterSeat: null }],
    });
    expect(created.status).toBe(201);
    const noPhone = await buildStaff(t, world.estate.id, { username: 'desk', role: 'receptionist' });

    const board = await t.admin.get(`/estates/${world.estate.id}/presence`);
    expect(board.status).toBe(200);
    const ho = board.body.items.find((r: BoardRow) => r.staff.id === created.body.id);
    expect(ho.staff).toMatchObject({ name: '何志明', phone: '2345 6789', caseKinds: ['complaint', 'inquiry'] });
    const desk = board.body.items.find((r: BoardRow) => r.staff.id === noPhone.id);
    expect(desk.staff).toMatchObject({ phone: null, caseKinds: [] });

    // A new number is what the board gives next, and what the database keeps.
    const changed = await t.admin.patch(`/staff/${created.body.id}`, { phone: '2345 0001' });
    expect(changed.status).toBe(200);
    const again = await t.admin.get(`/estates/${world.estate.id}/presence`);
    expect(again.body.items.find((r: BoardRow) => r.staff.id === created.body.id).staff.phone).toBe('2345 0001');
    const stored = await t.ctx.db.selectFrom('staff').select('phone').where('id', '=', created.body.id).executeTakeFirstOrThrow();
    expect(stored.phone).toBe('2345 0001');
  });

  it('[R-WD-2] a colleague number that is not a phone number is refused naming the field', async () => {
    const staff = await buildStaff(t, world.estate.id, { username: 'lee', role: 'department' });
    const bad = await t.admin.patch(`/staff/${staff.id}`, { phone: 'ext. twelve' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.issues[0].path).toBe('body.phone');
  });

  it("[R-WD-2] the phone desk's new words are scripts of every estate in three languages, reworded per estate", async () => {
    const listed = await t.admin.get(`/estates/${world.estate.id}/desk-scripts`);
    expect(listed.status).toBe(200);
    const text = (situation: string, locale: string) =>
      (listed.body.items as Script[]).find((s) => s.situation === situation && s.locale === locale)?.text;
    expect(text('ask_identity', 'zh-Hant')).toBe('為了方便聯絡及跟進，請問您是哪一位？是哪一個單元的業戶？');
    expect(text('refer_colleague', 'zh-Hant')).toBe('{addressee}，這件事您可以找{name}談一下，他/她的電話號碼是{phone}。');
    expect(text('call_back_later', 'en')).toContain('by {time}');
    expect(text('on_call_other', 'zh-Hans')).toBe('{name}正在接电话，找其他同事帮您可以吗？');
    expect(text('internal_greeting', 'zh-Hant')).toBe('您好，我是{department}的{name}。');

    const reworded = await t.admin.put(`/estates/${world.estate.id}/desk-scripts/refer_colleague`, {
      locale: 'zh-Hant',
      text: '您可以直接致電{name}，號碼是{phone}。',
    });
    expect(reworded.status).toBe(200);
    const row = await t.ctx.db
      .selectFrom('desk_scripts')
      .select('text')
      .where('estate_id', '=', world.estate.id)
      .where('situation', '=', 'refer_colleague')
      .executeTakeFirstOrThrow();
    expect(row.text).toBe('您可以直接致電{name}，號碼是{phone}。');
    const misspelt = await t.admin.put(`/estates/${world.estate.id}/desk-scripts/refer_colleague`, {
      locale: 'en',
      text: 'Call {name} on {phnoe}.',
    });
    expect(misspelt.status).toBe(400);
    expect(misspelt.body.error.details.issues[0].path).toBe('body.text');
  });

  it('[R-PH-3][R-WD-2] the call-back time the desk promises while taking a message is the one the message then gets', async () => {
    const desk = await buildStaff(t, world.estate.id, { username: 'desk', role: 'receptionist' });
    const lau = await buildStaff(t, world.estate.id, { username: 'lau', role: 'department' });
    expect(desk.id).toBeTruthy();
    const client = await t.as('desk');
    const due = (query: string) => client.get(`/estates/${world.estate.id}/messages/callback-due?forStaffId=${lau.id}${query}`);

    // In the office (10:00 in Hong Kong): a promise, 20 minutes from now.
    const promise = await due('');
    expect(promise.status).toBe(200);
    expect(promise.body).toEqual({ rule: 'R-PH-3', reason: 'promise', expectedBackAt: null, callbackDueAt: '2026-11-20T02:20:00.000Z' });
    // Out until noon: 30 minutes after he is back, from the presence board.
    await t.admin.put(`/staff/${lau.id}/presence`, { state: 'out', until: '2026-11-20T04:00:00.000Z' });
    const away = await due('');
    expect(away.body).toMatchObject({
      reason: 'absent',
      expectedBackAt: '2026-11-20T04:00:00.000Z',
      callbackDueAt: '2026-11-20T04:30:00.000Z',
    });
    // Nobody knows when: 09:00 the next morning in the estate's zone.
    await t.admin.put(`/staff/${lau.id}/presence`, { state: 'meeting' });
    expect((await due('')).body.callbackDueAt).toBe('2026-11-21T01:00:00.000Z');
    // The desk knows better than the board.
    expect((await due('&reason=absent&expectedBackAt=2026-11-20T03:00:00.000Z')).body.callbackDueAt).toBe('2026-11-20T03:30:00.000Z');

    // The message taken now is due when the desk said, and the database holds that deadline.
    const shown = (await due('&reason=promise')).body.callbackDueAt;
    const taken = await client.post(`/estates/${world.estate.id}/messages`, {
      callerName: '陳太',
      text: '請回電',
      forStaffId: lau.id,
      reason: 'promise',
    });
    expect(taken.status).toBe(201);
    expect(taken.body.callbackDueAt).toBe(shown);
    const stored = await t.ctx.db
      .selectFrom('obligations')
      .select('due_at')
      .where('subject_id', '=', taken.body.id)
      .executeTakeFirstOrThrow();
    expect(new Date(stored.due_at).toISOString()).toBe(shown);

    // Nobody of the estate, or no colleague named: refused naming the field.
    const unknown = await client.get(`/estates/${world.estate.id}/messages/callback-due?forStaffId=00000000-0000-4000-8000-000000000000`);
    expect(unknown.body.error.details.field).toBe('forStaffId');
    const missing = await client.get(`/estates/${world.estate.id}/messages/callback-due`);
    expect(missing.status).toBe(400);
    expect(missing.body.error.details.issues[0].path).toBe('querystring.forStaffId');
  });
});
