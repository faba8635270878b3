import { type ChildProcess, execFile, spawn } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

/**
 * The server as an operator runs it: `node bin/estatedesk.mjs serve` in its own process, with
 * its own data folder (and DATABASE_URL for PostgreSQL), on a port the system picks.
 */
const BIN = path.resolve('bin/estatedesk.mjs');
const run = promisify(execFile);

export interface ServerEnv {
  dataDir: string;
  databaseUrl: string | undefined;
  adminPassword: string;
}

function envOf(opts: ServerEnv): NodeJS.ProcessEnv {
  return {
    ...process.env,
    HOST: '127.0.0.1',
    PORT: '0',
    DATABASE_URL: opts.databaseUrl ?? '',
    ESTATEDESK_DATA_DIR: opts.dataDir,
    ESTATEDESK_ADMIN_PASSWORD: opts.adminPassword,
    // Notifications wait in the outbox: nothing leaves the machine.
    ESTATEDESK_SMTP_URL: '',
    ESTATEDESK_WEBHOOK_URL: '',
    LOG_LEVEL: 'warn',
  };
}

export interface RunningServer {
  url: string;
  pid: number;
  /** From spawn to the first healthy answer, in milliseconds. */
  startMs: number;
  kill(): Promise<void>;
  stop(): Promise<void>;
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
}

/** Starts the server and waits until /api/v1/health answers. */
export async function startServer(opts: ServerEnv, timeoutMs = 90_000): Promise<RunningServer> {
  const began = Date.now();
  const child = spawn(process.execPath, [BIN, 'serve', '--no-demo'], { env: envOf(opts), stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const keep = (chunk: Buffer) => {
    out = (out + chunk.toString()).slice(-8000);
  };
  child.stderr?.on('data', keep);
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the server did not start within ${timeoutMs} ms: ${out}`));
    }, timeoutMs);
    child.stdout?.on('data', (chunk: Buffer) => {
      keep(chunk);
      const m = out.match(/serving at (http:\/\/127\.0\.0\.1:\d+)/);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`the server exited (${code ?? signal}) before serving: ${out}`));
    });
  });
  for (;;) {
    const res = await fetch(`${url}/api/v1/health`).catch(() => undefined);
    if (res?.ok) break;
    if (Date.now() - began > timeoutMs) throw new Error(`the server at ${url} is not healthy: ${out}`);
    await new Promise((r) => setTimeout(r, 25));
  }
  return {
    url,
    pid: child.pid as number,
    startMs: Date.now() - began,
    kill: async () => {
      child.kill('SIGKILL');
      await exited(child);
    },
    stop: async () => {
      child.kill('SIGTERM');
      const done = await Promise.race([exited(child).then(() => true), new Promise((r) => setTimeout(() => r(false), 15_000))]);
      if (!done) {
        child.kill('SIGKILL');
        await exited(child);
      }
    },
  };
}

/** `estatedesk history verify`, run as an operator would, with the server's environment. */
export async function historyVerifyCli(opts: ServerEnv): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, 'history', 'verify'], { env: envOf(opts), timeout: 120_000 });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}
