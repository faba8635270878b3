import { randomBytes, randomInt } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import type { PasswordHashCost } from '../platform/config.js';

const ARGON2ID = 2;

/**
 * argon2id's parameters per configured cost (ESTATEDESK_PASSWORD_HASH_COST). `standard` is the
 * library's defaults (19 MiB, t=2): about 50 ms here. `test` is the least the algorithm takes,
 * for test suites and local development only. A hash carries its own parameters, so hashes
 * made at either cost verify whatever the cost is now.
 */
const PARAMS: Record<PasswordHashCost, { memoryCost: number; timeCost: number; parallelism: number }> = {
  standard: { memoryCost: 19_456, timeCost: 2, parallelism: 1 },
  test: { memoryCost: 64, timeCost: 1, parallelism: 1 },
};

export function hashPassword(password: string, cost: PasswordHashCost): Promise<string> {
  return hash(password, { algorithm: ARGON2ID, ...PARAMS[cost] });
}

/**
 * A hash of nothing anyone knows, at the configured cost, verified when the account does not
 * exist, so timing does not tell.
 */
const decoys = new Map<PasswordHashCost, Promise<string>>();

export async function verifyPassword(stored: string | null, password: string, cost: PasswordHashCost): Promise<boolean> {
  if (!stored) {
    let decoy = decoys.get(cost);
    if (!decoy) {
      decoy = hashPassword(randomBytes(16).toString('hex'), cost);
      decoys.set(cost, decoy);
    }
    await verify(await decoy, password).catch(() => false);
    return false;
  }
  return verify(stored, password).catch(() => false);
}

/** A readable generated password: 4 groups of 4 from an alphabet without look-alikes. */
export function generatePassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const chars = Array.from({ length: 16 }, () => alphabet[randomInt(alphabet.length)]);
  return [0, 4, 8, 12].map((i) => chars.slice(i, i + 4).join('')).join('-');
}
