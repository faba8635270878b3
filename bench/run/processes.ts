import { type ChildProcess, execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

export const ROOT = path.resolve(import.meta.dirname, '..', '..');
const run = promisify(execFile);

/** A server process the bench started: its address, its pid and its memory. */
export interface Child {
  url: string;
  pid: number;
  /** Peak resident memory so far in MiB (VmHWM of /proc/<pid>/status). */
  peakRssMb(): number;
  /** Resident memory now in MiB (VmRSS). */
  rssMb(): number;
  stop(): Promise<void>;
}

function statusField(pid: number, field: 'VmHWM' | 'VmRSS'): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(status.match(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm'))?.[1] ?? Number.NaN);
  return kb / 1024;
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
}

/**
 * Starts `node <args>` and waits until its output names the address it serves (the pattern's
 * first group), within `timeoutMs`; the process is killed if it does not.
 */
export async function startChild(opts: {
  name: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  ready: RegExp;
  timeoutMs?: number;
}): Promise<Child> {
  const timeoutMs = opts.timeoutMs ?? 120_000;
  const child = spawn(process.execPath, opts.args, { cwd: ROOT, env: opts.env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const keep = (chunk: Buffer) => {
    out = (out + chunk.toString()).slice(-8000);
  };
  child.stderr?.on('data', keep);
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${opts.name} did not start within ${timeoutMs} ms:\n${out}`));
    }, timeoutMs);
    child.stdout?.on('data', (chunk: Buffer) => {
      keep(chunk);
      const m = out.match(opts.ready);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`${opts.name} exited (${code ?? signal}) before serving:\n${out}`));
    });
  });
  const pid = child.pid as number;
  return {
    url,
    pid,
    peakRssMb: () => statusField(pid, 'VmHWM'),
    rssMb: () => statusField(pid, 'VmRSS'),
    stop: async () => {
      child.kill('SIGTERM');
      const done = await Promise.race([exited(child).then(() => true), new Promise((r) => setTimeout(() => r(false), 20_000))]);
      if (!done) {
        child.kill('SIGKILL');
        await exited(child);
      }
    },
  };
}

/** Runs `node <args>` to its end (bounded), returning its exit code and output. */
export async function runNode(args: string[], env: NodeJS.ProcessEnv, timeoutMs = 300_000): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, args, { cwd: ROOT, env, timeout: timeoutMs, maxBuffer: 16 * 1024 * 1024 });
    return { code: 0, output: stdout + stderr };
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string; message: string };
    return { code: typeof e.code === 'number' ? e.code : 1, output: `${e.stdout ?? ''}${e.stderr ?? ''}` || e.message };
  }
}
