import path from 'node:path';

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
}

function intFrom(value: string | undefined, fallback: number, name: string, min = 1): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new Error(`${name} must be a whole number of at least ${min}`);
  return n;
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
  };
}

export function sqlitePath(config: Pick<Config, 'dataDir'>): string {
  return path.join(config.dataDir, 'estatedesk.db');
}
