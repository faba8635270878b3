import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  buildBuilding,
  buildEstate,
  buildResident,
  buildResidentClient,
  buildUnit,
  RESIDENT_PASSWORD,
} from '../../../test/support/factories.js';
import { createTestApp, ENGINE, type TestApp } from '../../../test/support/harness.js';

/** R-PT-1: residents' accounts: invitations, sign-in by password and by code, and the limits on codes. */
describe(`residents' accounts [${ENGINE}]`, () => {
  let t: TestApp;
  let estateId: string;
  let unitId: string;
  let residentId: string;
  const phone = '9123 4567';

  beforeEach(async () => {
    t = await createTestApp();
    estateId = (await buildEstate(t)).id;
    const building = await buildBuilding(t, estateId, 'A座');
    unitId = (await buildUnit(t, estateId, { buildingId: building.id, number: '12B' })).id;
    residentId = (await buildResident(t, estateId, { name: '陳大文', phone, unitIds: [unitId] })).id;
  });
  afterEach(async () => t.close());

  const invite = (delivery: 'show' | 'sms' | 'email' = 'show') =>
    t.admin.post<{ code: string | null; login: string; expiresAt: string; sentTo: string | null; accountId: string }>(
      `/estates/${estateId}/residents/${residentId}/portal-invitation`,
      { delivery },
    );

  async function outboxRows() {
    return t.ctx.db.selectFrom('outbox').select(['channel', 'recipient', 'body', 'event_key']).orderBy('created_at').execute();
  }

  it('an invitation shown at the counter signs the resident in once, with their phone as login, and the office sees the account', async () => {
    const invitation = await invite();
    expect(invitation.status).toBe(201);
    expect(invitation.body.code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(invitation.body.login).toBe('91234567');

    const resident = t.client();
    const accepted = await resident.acceptInvitation(invitation.body.code?.toLowerCase().replace('-', ' ') ?? '', RESIDENT_PASSWORD);
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    expect(accepted.body).toMatchObject({
      account: { name: '陳大文', login: '91234567', hasPassword: true },
      units: [{ id: unitId, label: 'A座 12B' }],
    });
    const session = await resident.get('/portal/session');
    expect(session.status).toBe(200);

    const again = await t.client().acceptInvitation(invitation.body.code ?? '', RESIDENT_PASSWORD);
    expect(again.status).toBe(401);
    expect(again.body.error.code).toBe('auth.invalid_code');

    const list = await t.admin.get(`/estates/${estateId}/resident-accounts?status=active&q=12B`);
    expect(list.status).toBe(200);
    expect(list.body).toMatchObject({ total: 1, items: [{ residentName: '陳大文', status: 'active', hasPassword: true }] });
    expect(list.body.items[0].units).toEqual([{ id: unitId, label: 'A座 12B' }]);
  });

  it('an invitation expires after 7 days, and a newer one replaces it', async () => {
    const first = await invite();
    const second = await invite();
    expect((await t.client().acceptInvitation(first.body.code ?? '')).status).toBe(401);
    const list = await t.admin.get(`/estates/${estateId}/resident-accounts?status=invited`);
    expect(list.body.total).toBe(1);
    expect(list.body.items[0].invitationExpiresAt).toBe(second.body.expiresAt);
    t.clock.advance(7 * 86_400_000 + 1_000);
    const late = await t.client().acceptInvitation(second.body.code ?? '');
    expect(late.status).toBe(401);
    expect(late.body.error.code).toBe('auth.invalid_code');
  });

  it('a resident signs in with password: a wrong password and an unknown phone get the same answer', async () => {
    await buildResidentClient(t, estateId, residentId);
    const ok = await t.client().request('POST', '/portal/auth/login', { login: '9123-4567', password: RESIDENT_PASSWORD });
    expect(ok.status).toBe(200);
    const wrong = await t.client().request('POST', '/portal/auth/login', { login: phone, password: 'not-the-password' });
    const unknown = await t.client().request('POST', '/portal/auth/login', { login: '6000 0000', password: 'not-the-password' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(unknown.body).toEqual(wrong.body);
  });

  it('a sign-in code is sent by SMS through the outbox, works once, and a wrong code and an unknown login get the same answer', async () => {
    await buildResidentClient(t, estateId, residentId);
    const asked = await t.client().request('POST', '/portal/auth/code', { login: phone });
    const askedUnknown = await t.client().request('POST', '/portal/auth/code', { login: '6000 0000' });
    expect(asked.status).toBe(200);
    expect(askedUnknown.status).toBe(200);
    expect(askedUnknown.body).toEqual(asked.body);

    const sms = (await outboxRows()).filter((r) => r.event_key.startsWith('portal.sign_in_code:'));
    expect(sms).toHaveLength(1);
    expect(sms[0]).toMatchObject({ channel: 'webhook', recipient: '91234567' });
    const code = /(\d{6})/.exec(sms[0]?.body ?? '')?.[1] ?? '';
    expect(sms[0]?.body).toContain('分鐘內有效');

    const wrongCode = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
    const wrong = await t.client().request('POST', '/portal/auth/code-login', { login: phone, code: wrongCode });
    const unknown = await t.client().request('POST', '/portal/auth/code-login', { login: '6000 0000', code });
    expect(wrong.status).toBe(401);
    expect(unknown.body).toEqual(wrong.body);

    const resident = t.client();
    expect((await resident.request('POST', '/portal/auth/code-login', { login: phone, code })).status).toBe(200);
    expect((await resident.get('/portal/session')).status).toBe(200);
    expect((await t.client().request('POST', '/portal/auth/code-login', { login: phone, code })).status).toBe(401);
  });

  it('a sign-in code expires after 10 minutes', async () => {
    await buildResidentClient(t, estateId, residentId);
    const codeSent = async () => {
      await t.client().request('POST', '/portal/auth/code', { login: phone });
      const rows = (await outboxRows()).filter((r) => r.event_key.startsWith('portal.sign_in_code:'));
      return /(\d{6})/.exec(rows.at(-1)?.body ?? '')?.[1] ?? '';
    };
    const first = await codeSent();
    t.clock.advance(10 * 60_000 + 1_000);
    expect((await t.client().request('POST', '/portal/auth/code-login', { login: phone, code: first })).status).toBe(401);
  });

  it('a sign-in code is spent by five wrong tries', async () => {
    await buildResidentClient(t, estateId, residentId);
    await t.client().request('POST', '/portal/auth/code', { login: phone });
    const rows = (await outboxRows()).filter((r) => r.event_key.startsWith('portal.sign_in_code:'));
    const second = /(\d{6})/.exec(rows.at(-1)?.body ?? '')?.[1] ?? '';
    const wrong = String((Number(second) + 1) % 1_000_000).padStart(6, '0');
    for (let i = 0; i < 5; i++) await t.client().request('POST', '/portal/auth/code-login', { login: phone, code: wrong });
    // Past the address's wait for this login, still within the code's ten minutes: the code itself is spent.
    t.clock.advance(60_000);
    expect((await t.client().request('POST', '/portal/auth/code-login', { login: phone, code: second })).status).toBe(401);
  });

  it('guessing is rate limited: after five wrong invitation codes from one address the next waits, with Retry-After', async () => {
    await invite();
    const answers: number[] = [];
    for (let i = 0; i < 7; i++) answers.push((await t.client().acceptInvitation('AAAA-AAAA')).status);
    expect(answers.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(answers.slice(5)).toContain(429);
  });

  it('an account is sent at most five sign-in codes an hour, whoever asks', async () => {
    await buildResidentClient(t, estateId, residentId);
    for (let i = 0; i < 8; i++) {
      await t.client().request('POST', '/portal/auth/code', { login: phone });
      t.clock.advance(6 * 60_000);
    }
    const sent = (await outboxRows()).filter((r) => r.event_key.startsWith('portal.sign_in_code:'));
    expect(sent.length).toBeLessThanOrEqual(5);
    expect(sent.length).toBeGreaterThan(0);
  });

  it('an invitation by SMS goes to the resident through the outbox and is not answered to the desk', async () => {
    const invitation = await invite('sms');
    expect(invitation.status).toBe(201);
    expect(invitation.body.code).toBeNull();
    expect(invitation.body.sentTo).toBe('9***4567');
    const rows = (await outboxRows()).filter((r) => r.event_key.startsWith('portal.invitation:'));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ channel: 'webhook', recipient: phone });
    const code = /([A-Z2-9]{4}-[A-Z2-9]{4})/.exec(rows[0]?.body ?? '')?.[1] ?? '';
    expect((await t.client().acceptInvitation(code)).status).toBe(200);
  });

  it('a resident is refused staff operations, staff are refused the resident session, and a closed account signs out at once', async () => {
    const resident = await buildResidentClient(t, estateId, residentId);
    const staffOnly = await resident.get(`/estates/${estateId}/cases`);
    expect(staffOnly.status).toBe(403);
    expect((await resident.get('/auth/session')).status).toBe(403);
    expect((await t.admin.get('/portal/session')).status).toBe(403);

    const accountId = (await t.admin.get(`/estates/${estateId}/resident-accounts`)).body.items[0].id;
    expect((await t.admin.post(`/estates/${estateId}/resident-accounts/${accountId}/disable`)).status).toBe(200);
    expect((await resident.get('/portal/session')).status).toBe(401);
    const login = await t.client().request('POST', '/portal/auth/login', { login: phone, password: RESIDENT_PASSWORD });
    expect(login.status).toBe(401);
  });

  it('an invitation names the field when the resident cannot have an account', async () => {
    const noUnit = await buildResident(t, estateId, { name: '無單位' });
    const res = await t.admin.post(`/estates/${estateId}/residents/${noUnit.id}/portal-invitation`, { delivery: 'show' });
    expect(res.status).toBe(422);
    expect(res.body.error.details.field).toBe('residentId');
    const shared = await buildResident(t, estateId, { name: '同電話', phone, unitIds: [unitId] });
    await invite();
    const dup = await t.admin.post(`/estates/${estateId}/residents/${shared.id}/portal-invitation`, { delivery: 'show' });
    expect(dup.status).toBe(409);
    expect(dup.body.error.details.field).toBe('phone');
  });
});
