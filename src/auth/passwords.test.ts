import { describe, expect, it } from 'vitest';
import { loadConfig } from '../platform/config.js';
import { hashPassword, verifyPassword } from './passwords.js';

describe('password hashing cost', () => {
  it('is standard unless ESTATEDESK_PASSWORD_HASH_COST says test, and refuses any other value naming the variable', () => {
    expect(loadConfig({}).passwordHashCost).toBe('standard');
    expect(loadConfig({ ESTATEDESK_PASSWORD_HASH_COST: 'standard' }).passwordHashCost).toBe('standard');
    expect(loadConfig({ ESTATEDESK_PASSWORD_HASH_COST: 'test' }).passwordHashCost).toBe('test');
    expect(() => loadConfig({ ESTATEDESK_PASSWORD_HASH_COST: 'cheap' })).toThrow(/ESTATEDESK_PASSWORD_HASH_COST/);
  });

  it('hashes with argon2id at the parameters of the cost, which the hash records', async () => {
    expect(await hashPassword('Admin-pass-2026', 'standard')).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await hashPassword('Admin-pass-2026', 'test')).toMatch(/^\$argon2id\$v=19\$m=64,t=1,p=1\$/);
  });

  it('verifies a hash made at either cost whatever the cost is now, and refuses a wrong password', async () => {
    for (const madeAt of ['standard', 'test'] as const) {
      const stored = await hashPassword('Admin-pass-2026', madeAt);
      for (const now of ['standard', 'test'] as const) {
        expect(await verifyPassword(stored, 'Admin-pass-2026', now), `made at ${madeAt}, verified at ${now}`).toBe(true);
        expect(await verifyPassword(stored, 'Admin-pass-2027', now), `made at ${madeAt}, verified at ${now}`).toBe(false);
      }
    }
  });

  it('refuses any password for an account that does not exist', async () => {
    expect(await verifyPassword(null, 'Admin-pass-2026', 'standard')).toBe(false);
    expect(await verifyPassword(null, '', 'test')).toBe(false);
  });
});
