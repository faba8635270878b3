import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildStaff, buildWorld } from '../../test/support/factories.js';
import { type Client, createTestApp, ENGINE, type TestApp } from '../../test/support/harness.js';
import { sweep } from '../platform/obligations/index.js';

// Friday 20 November 2026, 10:00 in Hong Kong.
const NOW = '2026-11-20T02:00:00.000Z';

describe(`the front desk [${ENGINE}]`, () => {
  let t: TestApp;
  let world: Awaited<ReturnType<typeof buildWorld>>;
  let estateId: string;
  let desk: Client;
  let ids: { desk: string; wong: string; lam: string; fee: string };

  beforeEach(async () => {
    t = await createTestApp({ now: NOW });
    world = await buildWorld(t);
    estateId = world.estate.id;
    const depts = await t.admin.get(`/estates/${estateId}/departments`);
    const dept = (code: string) => depts.body.items.find((d: { code: string }) => d.code === code).id;
    ids = {
      desk: (await buildStaff(t, estateId, { username: 'desk', role: 'receptionist', departmentId: dept('front_desk') })).id,
      wong: (await buildStaff(t, estateId, { username: 'wong', role: 'department', departmentId: dept('engineering') })).id,
      lam: (await buildStaff(t, estateId, { username: 'lam', role: 'department', departmentId: dept('engineering') })).id,
      fee: (await buildStaff(t, estateId, { username: 'fee', role: 'department', departmentId: dept('finance') })).id,
    };
    desk = await t.as('desk');
  });
  afterEach(async () => t.close());

  const presence = (staffId: string | undefined, body: Record<string, unknown>) =>
    desk.request('PUT', `/staff/${staffId ?? ''}/presence`, body);

  it('[R-PH-1] the greeting names the office and the surname at the front desk, the surname elsewhere; never 喂', async () => {
    const mine = await desk.get(`/estates/${estateId}/greeting`);
    expect(mine.status).toBe(200);
    expect(mine.body).toMatchObject({ variant: 'front_desk', timeOfDay: 'morning', rule: 'R-PH-1' });
    expect(mine.body.text).toMatch(/^早安，.+管理處，我姓.+，有甚麼可以幫您/);
    const theirs = await desk.get(`/estates/${estateId}/greeting?staffId=${ids.wong}&at=2026-11-20T07:00:00.000Z&locale=zh-Hans`);
    expect(theirs.body).toMatchObject({ variant: 'department', timeOfDay: 'afternoon' });
    expect(theirs.body.text).toMatch(/^午安，我姓.+，有什么可以帮您/);
    expect(theirs.body.text.startsWith('喂')).toBe(false);
  });

  it('[R-PH-2, R-PH-3] a message for an absent colleague is due 30 minutes after their return; overdue after; met when called back', async () => {
    expect((await presence(ids.wong, { state: 'out', until: '2026-11-20T07:00:00.000Z', note: '去銀行' })).status).toBe(200);
    const scripts = await desk.get(`/estates/${estateId}/desk-scripts`);
    expect(
      scripts.body.items.find((s: { situation: string; locale: string }) => s.situation === 'out' && s.locale === 'zh-Hant').text,
    ).toContain('剛出外辦事');
    const taken = await desk.post(`/estates/${estateId}/messages`, {
      callerName: '陳先生',
      callerPhone: '9123 4567',
      unitId: world.unit.id,
      text: '廚房漏水,請回電',
      forStaffId: ids.wong,
    });
    expect(taken.status, JSON.stringify(taken.body)).toBe(201);
    expect(taken.body).toMatchObject({
      reason: 'absent',
      expectedBackAt: '2026-11-20T07:00:00.000Z',
      callbackDueAt: '2026-11-20T07:30:00.000Z',
      state: 'open',
      for: { id: ids.wong },
      takenBy: { id: ids.desk },
    });
    const wong = await t.as('wong');
    const mine = await wong.get(`/estates/${estateId}/messages?for=me`);
    expect(mine.body.items.map((m: { id: string }) => m.id)).toEqual([taken.body.id]);
    expect((await wong.get('/notices')).body.items.map((n: { kind: string }) => n.kind)).toContain('message.taken');

    t.clock.set('2026-11-20T07:31:00.000Z');
    // Hours later: both sign in again (sessions end when idle).
    desk = await t.as('desk');
    const wongLater = await t.as('wong');
    expect((await sweep(t.ctx)).breached).toBe(1);
    const overdue = await desk.get(`/estates/${estateId}/messages?status=overdue`);
    expect(overdue.body.items).toMatchObject([{ id: taken.body.id, state: 'overdue' }]);
    const summary = await desk.get(`/estates/${estateId}/front-desk/summary`);
    expect(summary.body).toMatchObject({ messagesWaiting: 1, callbacksOverdue: 1 });

    const done = await wongLater.post(`/messages/${taken.body.id}/callback`, { note: '已約師傅' });
    expect(done.body).toMatchObject({ state: 'met', calledBackAt: '2026-11-20T07:31:00.000Z', calledBackBy: { id: ids.wong } });
    const obligations = await desk.get(`/estates/${estateId}/obligations?queue=all&rule=R-PH-3`);
    expect(obligations.body.items).toMatchObject([{ state: 'met', metOnTime: false }]);
    expect((await desk.get(`/estates/${estateId}/front-desk/summary`)).body).toMatchObject({ messagesWaiting: 0, callbacksOverdue: 0 });
  });

  it('[R-PH-3] a promise is due in 20 minutes; a colleague gone for the day is called back at 09:00 the next morning; a call-back can be handed on', async () => {
    const promise = await desk.post(`/estates/${estateId}/messages`, {
      callerName: '李太',
      text: '查詢管理費',
      forStaffId: ids.fee,
      reason: 'promise',
    });
    expect(promise.body.callbackDueAt).toBe('2026-11-20T02:20:00.000Z');
    await presence(ids.lam, { state: 'off_duty' });
    t.clock.set('2026-11-20T14:00:00.000Z'); // 22:00 in Hong Kong
    desk = await t.as('desk');
    const night = await desk.post(`/estates/${estateId}/messages`, {
      callerName: '何生',
      text: '大門壞了',
      forStaffId: ids.lam,
      fromUnansweredTransfer: true,
    });
    expect(night.body).toMatchObject({
      reason: 'absent',
      expectedBackAt: null,
      callbackDueAt: '2026-11-21T01:00:00.000Z',
      fromUnansweredTransfer: true,
    });
    const handed = await desk.post(`/messages/${night.body.id}/hand-on`, { toStaffId: ids.wong });
    expect(handed.body).toMatchObject({ for: { id: ids.wong }, handedOnFrom: { id: ids.lam }, callbackDueAt: '2026-11-21T01:00:00.000Z' });
  });

  it('[R-PH-4] the caller is found by phone or unit with household and open cases; every call is logged', async () => {
    const other = await t.admin.post(`/estates/${estateId}/residents`, {
      name: '陳太',
      phone: '6123 0000',
      kind: 'owner',
      unitIds: [world.unit.id],
    });
    expect(other.status).toBe(201);
    const repair = await desk.post(`/estates/${estateId}/cases`, {
      kind: 'repair',
      channel: 'phone',
      unitId: world.unit.id,
      residentId: world.resident.id,
      description: '浴室漏水',
      repairClass: 'leak',
    });
    const digits = String(world.resident.phone).replace(/\D/g, '').slice(-4);
    const byPhone = await desk.get(`/estates/${estateId}/callers?q=${digits}`);
    expect(byPhone.status).toBe(200);
    const match = byPhone.body.items.find((m: { residentId: string }) => m.residentId === world.resident.id);
    expect(match).toMatchObject({ unit: { number: '1A' } });
    expect(match.household.map((h: { name: string }) => h.name)).toEqual(['陳太']);
    expect(match.openCases.map((c: { id: string }) => c.id)).toEqual([repair.body.id]);
    const byUnit = await desk.get(`/estates/${estateId}/callers?q=${encodeURIComponent('A座 1A')}`);
    expect(byUnit.body.items.length).toBe(2);

    const call = await desk.post(`/estates/${estateId}/calls`, {
      durationSeconds: 140,
      callerName: world.resident.name,
      callerPhone: world.resident.phone,
      unitId: world.unit.id,
      residentId: world.resident.id,
      purpose: 'repair',
      outcome: 'case_created',
      caseId: repair.body.id,
    });
    expect(call.status, JSON.stringify(call.body)).toBe(201);
    expect(call.body).toMatchObject({
      purpose: 'repair',
      outcome: 'case_created',
      answeredBy: { id: ids.desk },
      durationSeconds: 140,
      caseId: repair.body.id,
    });
    const log = await desk.get(`/estates/${estateId}/calls?date=2026-11-20`);
    expect(log.body.total).toBe(1);
    expect((await desk.get(`/estates/${estateId}/front-desk/summary`)).body.callsToday).toBe(1);
  });

  it('[R-WK-1..4] walk-ins: the seat order picks who rises; all busy queues the visitor; past the limit the desk apologises; the visit is timed', async () => {
    const policy = (await t.admin.get(`/estates/${estateId}`)).body.policy;
    await t.admin.patch(`/estates/${estateId}`, { policy: { ...policy, walkInWaitLimitMinutes: 2 } });
    const seat = async (staffId: string | undefined, counterSeat: string) => {
      const s = (await t.admin.get(`/staff/${staffId}`)).body;
      const res = await t.admin.patch(`/staff/${staffId}`, {
        estates: s.estates.map((m: Record<string, unknown>) => ({ ...m, counterSeat })),
      });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
    };
    await seat(ids.desk, 'L1');
    await seat(ids.lam, 'L2');
    await seat(ids.fee, 'R2');
    await presence(ids.lam, { state: 'in_office', onTask: true });

    const first = await desk.post(`/estates/${estateId}/visits`, { visitorName: '李太', unitId: world.unit.id, purpose: 'fee' });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    // L2 is on a task: R2 rises. The fee matter routes to finance.
    expect(first.body.suggestion).toMatchObject({ receiver: { id: ids.fee, seat: 'R2' }, reason: 'seat_order', routedTo: { id: ids.fee } });
    await desk.post(`/visits/${first.body.id}/receive`, { receiverId: ids.fee });
    const second = await desk.post(`/estates/${estateId}/visits`, { visitorName: '何生', purpose: 'inquiry' });
    expect(second.body.suggestion).toMatchObject({ receiver: { id: ids.desk, seat: 'L1' } });
    await desk.post(`/visits/${second.body.id}/receive`, {});

    // Everyone at the counter is busy: the third visitor queues.
    t.clock.set('2026-11-20T02:01:00.000Z');
    const third = await desk.post(`/estates/${estateId}/visits`, { visitorName: '張先生', purpose: 'repair' });
    expect(third.body.suggestion).toMatchObject({ receiver: null, reason: 'all_busy', waiting: 0, routedTo: { id: expect.any(String) } });
    expect(third.body).toMatchObject({ status: 'waiting', apologyDue: false, waitLimitAt: '2026-11-20T02:03:00.000Z' });
    await desk.post(`/visits/${third.body.id}/acknowledge`, {});
    t.clock.set('2026-11-20T02:03:30.000Z');
    const queue = await desk.get(`/estates/${estateId}/visits?status=waiting`);
    expect(queue.body.items).toMatchObject([{ id: third.body.id, apologyDue: true, acknowledgedAt: '2026-11-20T02:01:00.000Z' }]);
    expect((await sweep(t.ctx)).breached).toBe(1);

    // A visitor asking for a named person goes to that person.
    const named = await desk.post(`/estates/${estateId}/visits`, { visitorName: '黃小姐', purpose: 'repair', askedForId: ids.wong });
    expect(named.body.suggestion).toMatchObject({ receiver: { id: ids.wong }, reason: 'asked_for' });

    await desk.post(`/visits/${first.body.id}/departure`, { outcome: '已繳費' });
    const received = await desk.post(`/visits/${third.body.id}/receive`, { receiverId: ids.fee });
    expect(received.body).toMatchObject({ status: 'serving', waitSeconds: 150, receivedBy: { id: ids.fee } });
    const left = await desk.post(`/visits/${third.body.id}/departure`, { outcome: '已登記維修' });
    expect(left.body).toMatchObject({ status: 'departed', outcome: '已登記維修' });
    const summary = await desk.get(`/estates/${estateId}/front-desk/summary`);
    expect(summary.body).toMatchObject({ visitsToday: 4, longestWaitSeconds: 150 });
  });

  it('[R-WK-3] the purpose routes to the colleague whose duties cover it; away, the desk may page them or hand to the same duty', async () => {
    await presence(ids.wong, { state: 'meeting', until: '2026-11-20T03:00:00.000Z' });
    await presence(ids.lam, { state: 'meeting' });
    const suggestion = await desk.get(`/estates/${estateId}/visits/suggestion?purpose=repair`);
    expect(suggestion.body.routedTo).toMatchObject({ available: false });
    expect(suggestion.body.options).toEqual(['page', 'hand_over', 'take_contact']);
    await presence(ids.lam, { state: 'in_office' });
    const again = await desk.get(`/estates/${estateId}/visits/suggestion?purpose=repair`);
    expect(again.body.routedTo).toMatchObject({ id: ids.lam, available: true });
    const visit = await desk.post(`/estates/${estateId}/visits`, { visitorName: '吳先生', purpose: 'repair' });
    const paged = await desk.post(`/visits/${visit.body.id}/page`, { staffId: ids.wong, note: '櫃檯有業戶找' });
    expect(paged.body.routedTo).toMatchObject({ id: ids.wong });
    const wong = await t.as('wong');
    expect((await wong.get('/notices')).body.items.map((n: { kind: string }) => n.kind)).toContain('visit.paged');
  });

  it('a department account cannot reword a desk script (403 desk.script.write); the manager can, and everyone reads it', async () => {
    const wong = await t.as('wong');
    const refused = await wong.put(`/estates/${estateId}/desk-scripts/out`, { locale: 'zh-Hant', text: '佢唔喺度' });
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatchObject({ code: 'auth.forbidden', details: { ability: 'desk.script.write', role: 'department' } });
    expect(await t.ctx.db.selectFrom('desk_scripts').select('text').where('estate_id', '=', estateId).execute()).toEqual([]);

    await buildStaff(t, estateId, { username: 'boss', role: 'manager' });
    const boss = await t.as('boss');
    const reworded = await boss.put(`/estates/${estateId}/desk-scripts/out`, {
      locale: 'zh-Hant',
      text: '對不起,他剛出外辦事,請問有什么可以代為轉告?',
    });
    expect(reworded.status, JSON.stringify(reworded.body)).toBe(200);
    const read = await wong.get(`/estates/${estateId}/desk-scripts`);
    expect(
      read.body.items.find((s: { situation: string; locale: string }) => s.situation === 'out' && s.locale === 'zh-Hant'),
    ).toMatchObject({
      text: '對不起,他剛出外辦事,請問有什么可以代為轉告?',
      custom: true,
    });
  });

  it('[R-PH-2] a script with a misspelt placeholder or a stray brace is refused naming the ones it may hold; nothing is saved', async () => {
    await buildStaff(t, estateId, { username: 'boss', role: 'manager' });
    const boss = await t.as('boss');
    for (const [text, found] of [
      ['對不起,{nmae}剛出外辦事', '{nmae}'],
      ['{name} is out until {until', '{'],
      ['{name} will be back at {until} {when}', '{when}'],
    ] as const) {
      const refused = await boss.put(`/estates/${estateId}/desk-scripts/out`, { locale: 'zh-Hant', text });
      expect(refused.status, text).toBe(400);
      expect(refused.body.error.code).toBe('validation.failed');
      expect(refused.body.error.details.issues).toEqual([
        {
          path: 'body.text',
          message: `unknown placeholder ${found}: a script may hold {name}, {until}, {office}, {addressee}, {department}, {phone}, {time}`,
          code: 'custom',
        },
      ]);
    }
    expect(await t.ctx.db.selectFrom('desk_scripts').select('text').where('estate_id', '=', estateId).execute()).toEqual([]);
    const kept = await boss.put(`/estates/${estateId}/desk-scripts/out`, { locale: 'en', text: '{name} is out until {until}.' });
    expect(kept.status, JSON.stringify(kept.body)).toBe(200);
    expect(kept.body.items.find((s: { situation: string; locale: string }) => s.situation === 'out' && s.locale === 'en').text).toBe(
      '{name} is out until {until}.',
    );
  });

  it("maintenance staff cannot use the caller lookup, which shows residents' phones (403 caller.lookup)", async () => {
    await buildStaff(t, estateId, { username: 'fixer', role: 'maintenance' });
    const fixer = await t.as('fixer');
    const digits = String(world.resident.phone).replace(/\D/g, '').slice(-4);
    const res = await fixer.get(`/estates/${estateId}/callers?q=${digits}`);
    expect(res.status).toBe(403);
    expect(res.body.error).toMatchObject({ code: 'auth.forbidden', details: { ability: 'caller.lookup', role: 'maintenance' } });
    expect(JSON.stringify(res.body)).not.toContain(String(world.resident.phone));
    // The office finds the caller.
    const found = await desk.get(`/estates/${estateId}/callers?q=${digits}`);
    expect(found.body.items.map((m: { residentId: string }) => m.residentId)).toContain(world.resident.id);
  });

  it('a department member cannot complete or hand on a call-back left for someone else (403 message.handle); its recipient can', async () => {
    const taken = await desk.post(`/estates/${estateId}/messages`, {
      callerName: '馬太',
      text: '冷氣機滴水',
      forStaffId: ids.wong,
      reason: 'promise',
    });
    expect(taken.status, JSON.stringify(taken.body)).toBe(201);
    const fee = await t.as('fee');
    const done = await fee.post(`/messages/${taken.body.id}/callback`, { note: '已回覆' });
    expect(done.status).toBe(403);
    expect(done.body.error).toMatchObject({ code: 'auth.forbidden', details: { ability: 'message.handle', role: 'department' } });
    const handed = await fee.post(`/messages/${taken.body.id}/hand-on`, { toStaffId: ids.fee });
    expect(handed.status).toBe(403);
    expect(handed.body.error.details.ability).toBe('message.handle');
    // Nor does the message show in their list: they see the messages left for them.
    const feeList = await fee.get(`/estates/${estateId}/messages`);
    expect(feeList.body).toMatchObject({ total: 0, items: [] });

    const wong = await t.as('wong');
    const byRecipient = await wong.post(`/messages/${taken.body.id}/callback`, { note: '已約師傅' });
    expect(byRecipient.status, JSON.stringify(byRecipient.body)).toBe(200);
    expect(byRecipient.body).toMatchObject({ state: 'met', calledBackBy: { id: ids.wong }, for: { id: ids.wong } });
  });

  it("the greeting follows the person's role in that estate: receptionist here answers for the office, department elsewhere gives the surname", async () => {
    const other = await buildWorld(t);
    const created = await t.admin.post('/staff', {
      username: 'two-hats',
      name: '何兩職',
      surname: '何',
      role: 'department',
      locale: 'zh-Hant',
      password: 'Two-hats-pass-2026',
      estates: [
        { estateId, role: 'receptionist', departmentId: null, counterSeat: null },
        { estateId: other.estate.id, role: 'department', departmentId: null, counterSeat: null },
      ],
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const person = await t.as('two-hats', 'Two-hats-pass-2026');
    const here = await person.get(`/estates/${estateId}/greeting`);
    expect(here.status, JSON.stringify(here.body)).toBe(200);
    expect(here.body).toMatchObject({ variant: 'front_desk', surname: '何' });
    expect(here.body.text).toContain(world.estate.officeName);
    const there = await person.get(`/estates/${other.estate.id}/greeting`);
    expect(there.body).toMatchObject({ variant: 'department', surname: '何' });
    expect(there.body.text).not.toContain(other.estate.officeName);
  });
});
