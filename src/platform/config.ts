import path from 'node:path';
import { networkList } from './networks.js';

/** Process configuration, read once from the environment (documented in README.md). */
export interface Config {
  host: string;
  port: number;
  databaseUrl: string | undefined;
  dataDir: string;
  adminPassword: string | undefined;
  sessionIdleMinutes: number;
  logLevel: string;
  /** How often the deadline engine looks for breached obligations. */
  sweepIntervalMs: number;
  /**
   * Which proxies' X-Forwarded-For / X-Forwarded-Proto to believe (Fastify's `trustProxy`):
   * false, true (any), a hop count, or addresses and CIDR ranges separated by commas.
   */
  trustProxy: boolean | number | string;
  /** Addresses and CIDR ranges from which an admin's sign-in is never held back by throttling. */
  trustedNetworks: string[];
  /** How hard passwords are hashed; `test` is for test suites and local development only. */
  passwordHashCost: PasswordHashCost;
}

/** argon2id at its standard cost, or at the least cost the algorithm takes (tests, development). */
export type PasswordHashCost = 'standard' | 'test';

function passwordHashCostFrom(value: string | undefined): PasswordHashCost {
  const v = value?.trim() ?? '';
  if (v === '' || v === 'standard') return 'standard';
  if (v === 'test') return 'test';
  throw new Error('ESTATEDESK_PASSWORD_HASH_COST must be standard or test');
}

function intFrom(value: string | undefined, fallback: number, name: string, min = 1): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new Error(`${name} must be a whole number of at least ${min}`);
  return n;
}

const ADDRESS_OR_RANGE = /^(?:[0-9.]+|[0-9a-fA-F:.]+)(?:\/\d{1,3})?$|^(?:loopback|linklocal|uniquelocal)$/;

function trustProxyFrom(value: string | undefined): boolean | number | string {
  const v = value?.trim() ?? '';
  if (v === '' || v === 'false') return false;
  if (v === 'true') return true;
  if (/^\d+$/.test(v)) return Number(v);
  const parts = v.split(',').map((p) => p.trim());
  if (parts.some((p) => !ADDRESS_OR_RANGE.test(p)))
    throw new Error('TRUST_PROXY must be true, false, a number of hops or a comma-separated list of addresses and CIDR ranges');
  return parts.join(',');
}

function networksFrom(value: string | undefined, name: string): string[] {
  const entries = (value ?? '')
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean);
  try {
    networkList(entries);
  } catch (err) {
    throw new Error(`${name} must be IP addresses or CIDR ranges separated by commas (${(err as Error).message})`);
  }
  return entries;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    host: env.HOST || '127.0.0.1',
    // 0 asks the system for a free port (tests, several instances on one machine).
    port: intFrom(env.PORT, 8080, 'PORT', 0),
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: path.resolve(env.ESTATEDESK_DATA_DIR || './data'),
    adminPassword: env.ESTATEDESK_ADMIN_PASSWORD || undefined,
    sessionIdleMinutes: intFrom(env.ESTATEDESK_SESSION_IDLE_MINUTES, 240, 'ESTATEDESK_SESSION_IDLE_MINUTES'),
    logLevel: env.LOG_LEVEL || 'info',
    sweepIntervalMs: intFrom(env.ESTATEDESK_SWEEP_INTERVAL_MS, 60_000, 'ESTATEDESK_SWEEP_INTERVAL_MS'),
    trustProxy: trustProxyFrom(env.TRUST_PROXY),
    trustedNetworks: networksFrom(env.ESTATEDESK_TRUSTED_NETWORKS, 'ESTATEDESK_TRUSTED_NETWORKS'),
    passwordHashCost: passwordHashCostFrom(env.ESTATEDESK_PASSWORD_HASH_COST),
  };
}

export function sqlitePath(config: Pick<Config, 'dataDir'>): string {
  return path.join(config.dataDir, 'estatedesk.db');
}
