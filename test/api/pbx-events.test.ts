import { createHmac } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildEstate, buildStaff, buildWorld } from '../support/factories.js';
import { type Client, createTestApp, ENGINE, type TestApp } from '../support/harness.js';

// Friday 20 November 2026, 10:00 in Hong Kong.
const NOW = '2026-11-20T02:00:00.000Z';
const at = (seconds: number) => new Date(Date.parse(NOW) + seconds * 1000).toISOString();

describe(`the PBX's signed call events (R-PH-5) [${ENGINE}]`, () => {
  let t: TestApp;
  let estateId: string;
  let estateCode: string;
  let secret: string;
  let desk: Client;
  let deskId: string;
  let manager: Client;

  beforeEach(async () => {
    t = await createTestApp({ now: NOW });
    const world = await buildWorld(t);
    estateId = world.estate.id;
    estateCode = world.estate.code;
    const depts = await t.admin.get(`/estates/${estateId}/departments`);
    const frontDesk = depts.body.items.find((d: { code: string }) => d.code === 'front_desk').id;
    deskId = (await buildStaff(t, estateId, { username: 'desk', role: 'receptionist', departmentId: frontDesk })).id;
    await buildStaff(t, estateId, { username: 'boss', role: 'manager' });
    desk = await t.as('desk');
    manager = await t.as('boss');
    const saved = await manager.put(`/estates/${estateId}/pbx/settings`, {
      extensions: [
        { extension: '201', staffId: deskId, label: '前台' },
        { extension: '202', staffId: null, label: null },
      ],
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const made = await manager.post(`/estates/${estateId}/pbx/secret`);
    expect(made.status, JSON.stringify(made.body)).toBe(200);
    secret = made.body.secret;
  });
  afterEach(async () => t.close());

  /** Sends an event as a PBX would: the raw JSON, signed with the timestamp. */
  async function send(
    event: Record<string, unknown>,
    opts: { key?: string; timestamp?: number; code?: string; signature?: string | null; raw?: string } = {},
  ) {
    const raw = opts.raw ?? JSON.stringify(event);
    const ts = String(opts.timestamp ?? Math.floor(t.clock.now().getTime() / 1000));
    const signature = `sha256=${createHmac('sha256', opts.key ?? secret)
      .update(`${ts}.${raw}`)
      .digest('hex')}`;
    const headers: Record<string, string> = { 'x-estatedesk-timestamp': ts };
    if (opts.signature !== null) headers['x-estatedesk-signature'] = opts.signature ?? signature;
    return t.client().request('POST', `/pbx/${opts.code ?? estateCode}/events`, undefined, { rawBody: raw, headers });
  }
  const event = (kind: string, seconds: number, more: Record<string, unknown> = {}) => ({
    event: kind,
    callId: '1700000000.42',
    at: at(seconds),
    from: '+852 9123 4567',
    callerName: '陳大文',
    extension: '201',
    ...more,
  });
  const calls = async () => (await desk.get(`/estates/${estateId}/pbx/calls`)).body.items;
  const counts = async () => {
    const n = async (table: 'pbx_calls' | 'messages' | 'obligations') =>
      Number(
        (
          await t.ctx.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    return { calls: await n('pbx_calls'), messages: await n('messages'), obligations: await n('obligations') };
  };

  it('ringing → answered 7 s later → ended 2 min later: rang 7 s, answered in time, lasted 120 s; the desk rings first', async () => {
    expect((await send(event('ringing', 0))).status).toBe(200);
    const ringing = await desk.get(`/estates/${estateId}/pbx/ringing`);
    expect(ringing.body.items).toMatchObject([{ from: '+852 9123 4567', callerName: '陳大文', extension: '201', state: 'ringing' }]);
    expect(ringing.body.items[0].staff).toMatchObject({ id: deskId });
    t.clock.set(at(7));
    expect((await send(event('answered', 7))).status).toBe(200);
    expect((await desk.get(`/estates/${estateId}/pbx/ringing`)).body.items).toEqual([]);
    t.clock.set(at(127));
    expect((await send(event('ended', 127))).status).toBe(200);
    const [call] = await calls();
    expect(call).toMatchObject({
      pbxCallId: '1700000000.42',
      state: 'ended',
      disposition: 'answered',
      ringSeconds: 7,
      answeredInTime: true,
      durationSeconds: 120,
      source: 'event',
      callLogId: null,
    });
    const one = await desk.get(`/estates/${estateId}/pbx/calls/${call.id}`);
    expect(one.body).toEqual(call);
    expect((await desk.get(`/estates/${estateId}/pbx/calls?only=not_logged`)).body.total).toBe(1);
    expect((await desk.get(`/estates/${estateId}/pbx/calls?only=late`)).body.total).toBe(0);
    expect((await desk.get(`/estates/${estateId}/pbx/calls?date=2026-11-20&extension=201&state=ended`)).body.total).toBe(1);
    expect((await desk.get(`/estates/${estateId}/pbx/calls?date=2026-11-19`)).body.total).toBe(0);
  });

  it('a call answered after the limit is listed as late', async () => {
    await send(event('ringing', 0));
    await send(event('answered', 14));
    expect((await calls())[0]).toMatchObject({ ringSeconds: 14, answeredInTime: false });
    expect((await desk.get(`/estates/${estateId}/pbx/calls?only=late`)).body.items).toHaveLength(1);
  });

  it('[R-PH-4] the desk logging the call matches it, whether the desk or the PBX speaks first', async () => {
    await send(event('ringing', 0));
    await send(event('answered', 5));
    const logged = await desk.post(`/estates/${estateId}/calls`, {
      occurredAt: at(10),
      callerPhone: '9123 4567',
      purpose: 'inquiry',
      outcome: 'answered',
    });
    expect(logged.status, JSON.stringify(logged.body)).toBe(201);
    expect((await calls())[0].callLogId).toBe(logged.body.id);

    const first = await desk.post(`/estates/${estateId}/calls`, {
      occurredAt: at(60),
      callerPhone: '6123 9876',
      purpose: 'fee',
      outcome: 'answered',
    });
    expect(first.status).toBe(201);
    const other = { callId: 'later.7', from: '61239876', callerName: undefined, extension: '202' };
    await send(event('ringing', 58, other));
    await send(event('answered', 62, other));
    const later = (await calls()).find((c: { pbxCallId: string }) => c.pbxCallId === 'later.7');
    expect(later).toMatchObject({ callLogId: first.body.id, staff: null, ringSeconds: 4 });
    expect((await desk.get(`/estates/${estateId}/pbx/calls?only=not_logged`)).body.total).toBe(0);
  });

  it('[R-PH-3] ringing → missed: a message for the extension’s person, its call-back due 20 minutes after', async () => {
    await send(event('ringing', 0));
    const missedAt = at(30);
    t.clock.set(missedAt);
    expect((await send(event('missed', 30))).status).toBe(200);
    const [call] = await calls();
    expect(call).toMatchObject({ state: 'missed', disposition: 'no_answer', ringSeconds: null, answeredInTime: null });
    expect(call.callbackMessageId).toBeTruthy();
    const message = await t.ctx.db.selectFrom('messages').selectAll().where('id', '=', call.callbackMessageId).executeTakeFirstOrThrow();
    expect(message).toMatchObject({ for_id: deskId, reason: 'promise', caller_phone: '+852 9123 4567', caller_name: '陳大文' });
    const obligation = await t.ctx.db
      .selectFrom('obligations')
      .selectAll()
      .where('subject_id', '=', call.callbackMessageId)
      .executeTakeFirstOrThrow();
    expect(obligation).toMatchObject({ rule: 'R-PH-3', owner_id: deskId, due_at: at(30 + 20 * 60) });
    const mine = await desk.get(`/estates/${estateId}/messages?for=me`);
    expect(mine.body.items.map((m: { id: string }) => m.id)).toEqual([call.callbackMessageId]);

    // The same event again changes nothing; an ended without an answer on an unknown call is missed too.
    const before = await counts();
    expect((await send(event('missed', 30))).status).toBe(200);
    expect((await send(event('ringing', 0))).status).toBe(200);
    expect(await counts()).toEqual(before);
    expect((await send(event('ended', 40, { callId: 'gone.1', extension: '202' }))).status).toBe(200);
    const gone = (await calls()).find((c: { pbxCallId: string }) => c.pbxCallId === 'gone.1');
    expect(gone).toMatchObject({ state: 'missed', ringingAt: at(40), endedAt: at(40) });
    // Nobody answers 202: the desk takes the call-back.
    const forDesk = await t.ctx.db
      .selectFrom('messages')
      .select('for_id')
      .where('id', '=', gone.callbackMessageId)
      .executeTakeFirstOrThrow();
    expect(forDesk.for_id).toBe(deskId);
  });

  it('events out of order: answered before ringing makes the call, ringing then gives the earlier time', async () => {
    await send(event('answered', 6));
    expect((await calls())[0]).toMatchObject({ state: 'answered', ringingAt: at(6), ringSeconds: 0 });
    await send(event('ringing', 0));
    expect((await calls())[0]).toMatchObject({ state: 'answered', ringingAt: at(0), ringSeconds: 6 });
    const before = await counts();
    const history = await t.ctx.db
      .selectFrom('history')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    await send(event('answered', 6));
    expect(await counts()).toEqual(before);
    const after = await t.ctx.db
      .selectFrom('history')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(history.n));
  });

  it('refusals: bad signature, stale, bad body, unknown extension, unknown estate; nothing is written', async () => {
    const before = await counts();
    const wrongKey = await send(event('ringing', 0), { key: 'not-the-secret' });
    expect(wrongKey.status).toBe(401);
    expect(wrongKey.body.error.code).toBe('pbx.bad_signature');
    const none = await send(event('ringing', 0), { signature: null });
    expect(none.body.error.code).toBe('pbx.bad_signature');
    const stale = await send(event('ringing', 0), { timestamp: Math.floor(Date.parse(NOW) / 1000) - 301 });
    expect(stale.status).toBe(401);
    expect(stale.body.error.code).toBe('pbx.stale');
    const ahead = await send(event('ringing', 0), { timestamp: Math.floor(Date.parse(NOW) / 1000) + 301 });
    expect(ahead.body.error.code).toBe('pbx.stale');
    const unknownExtension = await send(event('ringing', 0, { extension: '999' }));
    expect(unknownExtension.status).toBe(400);
    expect(unknownExtension.body.error).toMatchObject({ code: 'pbx.unknown_extension', details: { field: 'extension' } });
    const badBody = await send(event('rang', 0));
    expect(badBody.status).toBe(400);
    expect(badBody.body.error.details.issues.map((i: { path: string }) => i.path)).toContain('body.event');
    const notJson = await send({}, { raw: '{"event": ' });
    expect(notJson.status).toBe(400);
    expect(notJson.body.error.code).toBe('request.malformed_json');
    const unknownEstate = await send(event('ringing', 0), { code: 'NOPE' });
    expect(unknownEstate.status).toBe(404);
    // A good signature of one body does not sign another.
    const raw = JSON.stringify(event('ringing', 0));
    const ts = String(Math.floor(Date.parse(NOW) / 1000));
    const signature = `sha256=${createHmac('sha256', secret).update(`${ts}.${raw}`).digest('hex')}`;
    const tampered = await send({}, { raw: raw.replace('201', '202'), signature });
    expect(tampered.body.error.code).toBe('pbx.bad_signature');
    expect(await counts()).toEqual(before);
  });

  it('the secret is shown once; a new one replaces it; a receptionist reads calls but may not change settings', async () => {
    const settings = await manager.get(`/estates/${estateId}/pbx/settings`);
    expect(settings.body).toMatchObject({ hasSecret: true, estateCode, eventsPath: `/api/v1/pbx/${estateCode}/events` });
    expect(JSON.stringify(settings.body)).not.toContain(secret);
    expect(settings.body.extensions).toEqual([
      { extension: '201', staffId: deskId, label: '前台' },
      { extension: '202', staffId: null, label: null },
    ]);
    const history = await t.ctx.db.selectFrom('history').select(['after', 'before']).execute();
    expect(JSON.stringify(history)).not.toContain(secret);
    const old = secret;
    secret = (await manager.post(`/estates/${estateId}/pbx/secret`)).body.secret;
    expect(secret).not.toBe(old);
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect((await send(event('ringing', 0), { key: old })).status).toBe(401);
    expect((await send(event('ringing', 0))).status).toBe(200);

    expect((await desk.get(`/estates/${estateId}/pbx/calls`)).status).toBe(200);
    expect((await desk.get(`/estates/${estateId}/pbx/settings`)).status).toBe(403);
    expect((await desk.put(`/estates/${estateId}/pbx/settings`, { extensions: [] })).status).toBe(403);
    expect((await desk.post(`/estates/${estateId}/pbx/secret`)).status).toBe(403);
  });

  it('settings: a staff id not of the estate is 422 naming it; an extension given twice is refused naming it', async () => {
    const other = { body: await buildEstate(t, { name: '別苑', code: 'OTH' }) };
    const stranger = await buildStaff(t, other.body.id, { username: 'stranger', role: 'receptionist' });
    const res = await manager.put(`/estates/${estateId}/pbx/settings`, {
      extensions: [
        { extension: '201', staffId: deskId, label: null },
        { extension: '203', staffId: stranger.id, label: null },
      ],
    });
    expect(res.status).toBe(422);
    expect(res.body.error.details.field).toBe('extensions.1.staffId');
    const twice = await manager.put(`/estates/${estateId}/pbx/settings`, {
      extensions: [
        { extension: '201', staffId: null, label: null },
        { extension: '201', staffId: null, label: null },
      ],
    });
    expect(twice.status).toBe(400);
    expect(twice.body.error.details.field).toBe('extensions.1.extension');
    const mapping = await manager.put(`/estates/${estateId}/pbx/settings`, {
      extensions: [],
      csvMapping: { callId: 'Call ID', from: 'From', extension: 'To', start: 'Start' },
    });
    expect(mapping.body.csvMapping).toMatchObject({ callId: 'Call ID', callerName: null, timeFormat: 'yyyy-MM-dd HH:mm:ss' });

    // Another estate's call answers 404.
    await manager.put(`/estates/${estateId}/pbx/settings`, { extensions: [{ extension: '201', staffId: deskId, label: null }] });
    await send(event('ringing', 0));
    const [call] = await calls();
    const otherManager = await buildStaff(t, other.body.id, { username: 'otherboss', role: 'manager' });
    const them = await t.as('otherboss');
    expect(otherManager.id).toBeTruthy();
    expect((await them.get(`/estates/${other.body.id}/pbx/calls/${call.id}`)).status).toBe(404);
    expect((await them.get(`/estates/${estateId}/pbx/calls/${call.id}`)).status).toBe(404);
  });
});
