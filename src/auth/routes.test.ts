import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildEstate, buildStaff } from '../../test/support/factories.js';
import { ADMIN_PASSWORD, Client, createTestApp, ENGINE, type TestApp } from '../../test/support/harness.js';
import { buildServer } from '../server.js';

describe(`accounts and sessions [${ENGINE}]`, () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp();
  });
  afterEach(async () => t.close());

  it('signs in with a password and answers who is signed in, with an HTTP-only SameSite cookie', async () => {
    const c = t.client();
    const res = await c.request('POST', '/auth/login', { username: 'ADMIN', password: ADMIN_PASSWORD });
    expect(res.status).toBe(200);
    expect(res.body.staff.username).toBe('admin');
    expect(res.body.csrfToken).toMatch(/^[\w-]{20,}$/);
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    const session = await c.get('/auth/session');
    expect(session.status).toBe(200);
    expect(session.body.staff.role).toBe('admin');
  });

  it('refuses a wrong password with 401 and keeps no session', async () => {
    const c = t.client();
    const res = await c.login('admin', 'wrong-password');
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('auth.invalid_credentials');
    expect((await c.get('/auth/session')).status).toBe(401);
  });

  /** A sign-in as it arrives from a given client address. */
  const signInFrom = async (ip: string, username: string, password: string) => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress: ip, payload: { username, password } });
    return { status: res.statusCode, body: res.json(), retryAfter: res.headers['retry-after'] };
  };

  it('5 wrong passwords from one address make that address wait for that account, doubling per further failure, instead of locking the account out', async () => {
    const attacker = '203.0.113.9';
    for (let i = 0; i < 5; i++) expect((await signInFrom(attacker, 'admin', `nope-${i}`)).status).toBe(401);
    const held = await signInFrom(attacker, 'admin', ADMIN_PASSWORD);
    expect(held.status).toBe(429);
    expect(held.body.error.code).toBe('auth.too_many_attempts');
    expect(held.body.error.details.retryAfterSeconds).toBe(30);
    expect(held.retryAfter).toBe('30');
    // The admin at another address signs in while the attacker's address waits.
    expect((await signInFrom('198.51.100.20', 'admin', ADMIN_PASSWORD)).status).toBe(200);
    // After the wait one more guess is allowed; failing it doubles the wait.
    t.clock.advance(31_000);
    expect((await signInFrom(attacker, 'admin', 'nope-5')).status).toBe(401);
    const longer = await signInFrom(attacker, 'admin', ADMIN_PASSWORD);
    expect(longer.status).toBe(429);
    expect(longer.body.error.details.retryAfterSeconds).toBe(60);
    t.clock.advance(61_000);
    expect((await signInFrom(attacker, 'admin', ADMIN_PASSWORD)).status).toBe(200);
    // A successful sign-in forgets the earlier failures of that address.
    expect((await signInFrom(attacker, 'admin', 'nope-again')).status).toBe(401);
  });

  it('holds back an address after 20 failed logins across accounts; other addresses are not affected', async () => {
    for (let i = 0; i < 20; i++) expect((await signInFrom('203.0.113.10', `nobody${i}`, 'x')).status).toBe(401);
    const held = await signInFrom('203.0.113.10', 'admin', ADMIN_PASSWORD);
    expect(held.status).toBe(429);
    expect(held.body.error.details.retryAfterSeconds).toBe(15 * 60);
    expect(held.retryAfter).toBe(String(15 * 60));
    expect((await signInFrom('203.0.113.11', 'admin', ADMIN_PASSWORD)).status).toBe(200);
    t.clock.advance(15 * 60_000 + 1_000);
    expect((await signInFrom('203.0.113.10', 'admin', ADMIN_PASSWORD)).status).toBe(200);
  });

  it('an admin signing in from a trusted network (ESTATEDESK_TRUSTED_NETWORKS) is never held back; other accounts there are', async () => {
    const estate = await buildEstate(t);
    await buildStaff(t, estate.id, { username: 'desk9' });
    t.ctx.config.trustedNetworks = ['10.0.0.0/8', '192.168.1.5'];
    for (let i = 0; i < 25; i++) expect((await signInFrom('10.1.2.3', 'admin', `nope-${i}`)).status).toBe(401);
    expect((await signInFrom('10.1.2.3', 'admin', ADMIN_PASSWORD)).status).toBe(200);
    expect((await signInFrom('::ffff:192.168.1.5', 'admin', ADMIN_PASSWORD)).status).toBe(200);
    for (let i = 0; i < 5; i++) expect((await signInFrom('10.9.9.9', 'desk9', `nope-${i}`)).status).toBe(401);
    expect((await signInFrom('10.9.9.9', 'desk9', ADMIN_PASSWORD)).status).toBe(429);
  });

  it('60 concurrent wrong guesses get at most 5 password checks: the attempt is reserved atomically before the check', async () => {
    const ip = '198.51.100.7';
    const answers = await Promise.all(Array.from({ length: 60 }, (_, i) => signInFrom(ip, 'admin', `guess-${i}`)));
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(55);
    // Every password check is one reserved attempt.
    const checked = await t.ctx.db
      .selectFrom('login_attempts')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('ip', '=', ip)
      .executeTakeFirstOrThrow();
    expect(Number(checked.n)).toBe(5);
  });

  it('rotates the session at login: the cookie from before no longer works', async () => {
    const c = t.client();
    await c.login('admin', ADMIN_PASSWORD);
    const before = c.cookie;
    await c.login('admin', ADMIN_PASSWORD);
    expect(c.cookie).not.toBe(before);
    const old = t.client();
    old.cookie = before;
    expect((await old.get('/auth/session')).status).toBe(401);
    expect((await c.get('/auth/session')).status).toBe(200);
  });

  it('ends the session at logout', async () => {
    const c = await t.as('admin');
    const cookie = c.cookie;
    expect((await c.post('/auth/logout')).status).toBe(200);
    const again = t.client();
    again.cookie = cookie;
    expect((await again.get('/auth/session')).status).toBe(401);
  });

  it('expires a session left idle longer than the limit', async () => {
    const c = await t.as('admin');
    t.clock.advance((t.ctx.config.sessionIdleMinutes + 1) * 60_000);
    expect((await c.get('/auth/session')).status).toBe(401);
  });

  it('a session in use is kept alive even when the idle limit is one minute', async () => {
    t.ctx.config.sessionIdleMinutes = 1;
    const c = await t.as('admin');
    // Used every 50 s for five minutes: never a minute unused, so it stays signed in.
    for (let i = 0; i < 6; i++) {
      t.clock.advance(50_000);
      expect((await c.get('/auth/session')).status).toBe(200);
    }
    t.clock.advance(61_000);
    expect((await c.get('/auth/session')).status).toBe(401);
  });

  it('refuses a state-changing request without the CSRF token, and changes nothing', async () => {
    const estate = await buildEstate(t);
    const res = await t.admin.request('POST', `/estates/${estate.id}/buildings`, { name: 'C座' }, { csrf: false });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('auth.csrf_mismatch');
    const wrong = await t.admin.request(
      'POST',
      `/estates/${estate.id}/buildings`,
      { name: 'C座' },
      { csrf: false, headers: { 'x-csrf-token': 'forged' } },
    );
    expect(wrong.status).toBe(403);
    const list = await t.admin.get(`/estates/${estate.id}/buildings`);
    expect(list.body.total).toBe(0);
  });

  it('a password change ends the other sessions but keeps this one', async () => {
    const estate = await buildEstate(t);
    await buildStaff(t, estate.id, { username: 'desk1' });
    const phone = await t.as('desk1');
    const desk = await t.as('desk1');
    const res = await desk.post('/auth/password', { currentPassword: ADMIN_PASSWORD, newPassword: 'a-new-password-1' });
    expect(res.status).toBe(200);
    expect((await desk.get('/auth/session')).status).toBe(200);
    expect((await phone.get('/auth/session')).status).toBe(401);
    expect((await t.client().login('desk1', 'a-new-password-1')).status).toBe(200);
  });

  it('a wrong current password is refused naming the field', async () => {
    const res = await t.admin.post('/auth/password', { currentPassword: 'not-it', newPassword: 'a-new-password-1' });
    expect(res.status).toBe(422);
    expect(res.body.error.details.field).toBe('currentPassword');
  });

  it('an admin resets a password: a generated one is shown once and the old sessions end', async () => {
    const estate = await buildEstate(t);
    const staff = await buildStaff(t, estate.id, { username: 'desk2' });
    const desk = await t.as('desk2');
    const res = await t.admin.post(`/staff/${staff.id}/password`, {});
    expect(res.status).toBe(200);
    expect(res.body.temporaryPassword).toMatch(/^\w{4}-\w{4}-\w{4}-\w{4}$/);
    expect((await desk.get('/auth/session')).status).toBe(401);
    expect((await t.client().login('desk2', res.body.temporaryPassword)).status).toBe(200);
  });

  it('only an admin may reset a password', async () => {
    const estate = await buildEstate(t);
    await buildStaff(t, estate.id, { username: 'boss', role: 'manager' });
    const staff = await buildStaff(t, estate.id, { username: 'desk3' });
    const manager = await t.as('boss');
    const res = await manager.post(`/staff/${staff.id}/password`, {});
    expect(res.status).toBe(403);
  });

  it('a disabled account cannot sign in and its sessions end', async () => {
    const estate = await buildEstate(t);
    const staff = await buildStaff(t, estate.id, { username: 'leaver' });
    const leaver = await t.as('leaver');
    expect((await t.admin.patch(`/staff/${staff.id}`, { disabled: true })).status).toBe(200);
    expect((await leaver.get('/auth/session')).status).toBe(401);
    expect((await t.client().login('leaver', ADMIN_PASSWORD)).status).toBe(401);
  });

  it('behind a TLS-terminating proxy (TRUST_PROXY) the session cookie is Secure when the original request was https', async () => {
    const proxied = await buildServer({ ...t.ctx, config: { ...t.ctx.config, trustProxy: '127.0.0.1' } }, { webRoot: undefined });
    try {
      const viaHttps = new Client(proxied);
      const https = await viaHttps.request(
        'POST',
        '/auth/login',
        { username: 'admin', password: ADMIN_PASSWORD },
        { headers: { 'x-forwarded-proto': 'https' } },
      );
      expect(https.status).toBe(200);
      expect(String(https.headers['set-cookie'])).toMatch(/;\s*Secure/i);
      const plain = await new Client(proxied).login('admin', ADMIN_PASSWORD);
      expect(plain.status).toBe(200);
      expect(String(plain.headers['set-cookie'])).not.toMatch(/;\s*Secure/i);
    } finally {
      await proxied.close();
    }
  });

  it('without TRUST_PROXY a client cannot claim https through X-Forwarded-Proto', async () => {
    const res = await t
      .client()
      .request('POST', '/auth/login', { username: 'admin', password: ADMIN_PASSWORD }, { headers: { 'x-forwarded-proto': 'https' } });
    expect(res.status).toBe(200);
    expect(String(res.headers['set-cookie'])).not.toMatch(/;\s*Secure/i);
  });

  it('stores only an argon2id hash of the password, never the password', async () => {
    const row = await t.ctx.db.selectFrom('staff').select('password_hash').where('username', '=', 'admin').executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    expect(row.password_hash).not.toContain(ADMIN_PASSWORD);
  });
});
