import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, ENGINE, type TestApp } from '../support/harness.js';

/** Bodies shaped to hurt the server: answered with a 4xx naming the problem, never a 500. */
describe(`request shape [${ENGINE}]`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  it('JSON nested 100,000 levels deep (200 kB) is refused with 400 naming the nesting, not a stack overflow', async () => {
    const depth = 100_000;
    for (const raw of ['['.repeat(depth) + ']'.repeat(depth), `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`]) {
      const res = await t.admin.request('POST', '/estates', undefined, { rawBody: raw });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('request.too_deep');
      expect(res.body.error.message).toBe('body: nested more than 64 levels deep');
      expect(res.body.error.details).toEqual({ field: 'body', maxDepth: 64 });
    }
    // The server is still answering.
    expect((await t.admin.get('/health')).status).toBe(200);
  });

  it('a body nested within the limit reaches validation as usual', async () => {
    let value: unknown = 'x';
    for (let i = 0; i < 60; i++) value = { a: value };
    const res = await t.admin.post('/estates', { code: 'DEEP', extra: value });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation.failed');
  });

  it('a NUL character in a text field is still refused naming the field', async () => {
    const res = await t.admin.request('POST', '/auth/login', {
      username: 'admin',
      password: 'wrong-password\u0000',
    });
    expect(res.status).toBe(400);
    expect(res.body.error.details.issues[0].path).toBe('body.password');
  });
});
