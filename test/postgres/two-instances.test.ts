import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { companyActor } from '../../src/auth/policy.js';
import { createCase } from '../../src/cases/intake/create-case.js';
import { createEstate } from '../../src/directory/estates/create-estate.js';
import { createStaff } from '../../src/directory/staff/create-staff.js';
import { systemClock } from '../../src/platform/clock.js';
import { loadConfig } from '../../src/platform/config.js';
import type { AppContext } from '../../src/platform/context.js';
import { MemoryLiveBus } from '../../src/platform/live.js';
import { prepareFirstRun } from '../../src/server.js';
import { ADMIN_PASSWORD, freshDatabase } from '../support/harness.js';

/**
 * Two real server processes over one PostgreSQL database, as a company scales out: their
 * sweepers run at once and each breach is escalated exactly once; an event on one instance
 * reaches a live client of the other.
 */
const BIN = path.resolve('bin/estatedesk.mjs');
const BREACHES = 6;

interface Instance {
  url: string;
  child: ChildProcess;
}

function startInstance(databaseUrl: string, dataDir: string): Promise<Instance> {
  const child = spawn(process.execPath, [BIN, 'serve', '--no-demo'], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      HOST: '127.0.0.1',
      PORT: '0',
      ESTATEDESK_DATA_DIR: dataDir,
      ESTATEDESK_SWEEP_INTERVAL_MS: '100',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`instance did not start: ${out}`)), 30_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = out.match(/serving at (http:\/\/127\.0\.0\.1:\d+)/);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve({ url: m[1], child });
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`instance exited with ${code}: ${out}`));
    });
  });
}

async function signIn(url: string, username: string): Promise<{ cookie: string; csrf: string }> {
  const res = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: ADMIN_PASSWORD }),
  });
  expect(res.status).toBe(200);
  const body = (await res.json()) as { csrfToken: string };
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  return { cookie, csrf: body.csrfToken };
}

describe('two instances over one PostgreSQL [postgres]', () => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  let ctx: AppContext;
  let estateId: string;
  let caseIds: string[];
  const instances: Instance[] = [];
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'estatedesk-two-'));

  beforeAll(async () => {
    db = await freshDatabase();
    ctx = {
      db: db.handle.db,
      engine: 'postgres',
      clock: systemClock,
      config: { ...loadConfig({ ESTATEDESK_PASSWORD_HASH_COST: 'test' }), adminPassword: ADMIN_PASSWORD, databaseUrl: db.url, dataDir },
      live: new MemoryLiveBus(),
    };
    await prepareFirstRun(ctx, { demo: false });
    const admin = await ctx.db.selectFrom('staff').select('id').where('username', '=', 'admin').executeTakeFirstOrThrow();
    const actor = companyActor(admin.id, 'admin');
    const estate = await createEstate(ctx, {
      actor,
      body: { code: 'TWO', name: '雙機苑', address: '香港雙機道1號', timeZone: 'Asia/Hong_Kong', officeName: '雙機苑' },
    });
    estateId = estate.id;
    for (const [username, role] of [
      ['boss', 'manager'],
      ['desk', 'receptionist'],
    ] as const) {
      await createStaff(ctx, {
        actor,
        body: {
          username,
          name: username,
          surname: '陳',
          role,
          locale: 'zh-Hant',
          password: ADMIN_PASSWORD,
          estates: [{ estateId, departmentId: null, counterSeat: null }],
        },
      });
    }
    const occurredAt = new Date(Date.now() - 73 * 3_600_000).toISOString();
    caseIds = [];
    for (let i = 0; i < BREACHES; i++) {
      const c = await createCase(ctx, {
        actor,
        estateId,
        body: { kind: 'complaint', channel: 'hotline', description: `熱線投訴 ${i}`, occurredAt },
      });
      caseIds.push(c.id);
    }
    // Both instances start together, so their sweepers race from the first round.
    instances.push(...(await Promise.all([startInstance(db.url as string, dataDir), startInstance(db.url as string, dataDir)])));
  }, 90_000);

  afterAll(async () => {
    for (const i of instances) {
      i.child.kill('SIGTERM');
      await new Promise((r) => (i.child.exitCode === null ? i.child.once('exit', r) : r(null)));
    }
    await db?.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('[R-CP-4] both sweepers run, and each overdue reply is escalated exactly once', async () => {
    const deadline = Date.now() + 20_000;
    for (;;) {
      const { n } = await ctx.db
        .selectFrom('obligations')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('breached_at', 'is not', null)
        .executeTakeFirstOrThrow();
      if (Number(n) === BREACHES || Date.now() > deadline) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    // Let both sweepers go round several more times.
    await new Promise((r) => setTimeout(r, 1000));
    const escalations = await ctx.db
      .selectFrom('case_events')
      .select(['case_id'])
      .where('type', '=', 'escalated')
      .where('case_id', 'in', caseIds)
      .execute();
    expect(escalations.map((e) => e.case_id).sort()).toEqual([...caseIds].sort());
    const history = await ctx.db
      .selectFrom('history')
      .select('entity_id')
      .where('action', '=', 'escalated')
      .where('entity_id', 'in', caseIds)
      .execute();
    expect(history).toHaveLength(BREACHES);
    const obligations = await ctx.db
      .selectFrom('obligations')
      .select(['escalated_to', 'escalated_at'])
      .where('subject_id', 'in', caseIds)
      .execute();
    expect(obligations.every((o) => o.escalated_to && o.escalated_at)).toBe(true);
  });

  it('a change made on one instance reaches a live client of the other', async () => {
    const [a, b] = instances as [Instance, Instance];
    const watcher = await signIn(b.url, 'boss');
    const controller = new AbortController();
    const stream = await fetch(`${b.url}/api/v1/live?estateId=${estateId}`, {
      headers: { cookie: watcher.cookie, accept: 'text/event-stream' },
      signal: controller.signal,
    });
    expect(stream.status).toBe(200);
    const reader = (stream.body as ReadableStream<Uint8Array>).getReader();
    const received: string[] = [];
    const reading = (async () => {
      const decoder = new TextDecoder();
      for (;;) {
        const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
        if (done) return;
        received.push(decoder.decode(value));
      }
    })();
    await new Promise((r) => setTimeout(r, 300));
    const desk = await signIn(a.url, 'desk');
    const created = await fetch(`${a.url}/api/v1/estates/${estateId}/cases`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: desk.cookie, 'x-csrf-token': desk.csrf },
      body: JSON.stringify({ kind: 'inquiry', channel: 'counter', description: '跨機測試' }),
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    const until = Date.now() + 5000;
    while (!received.join('').includes(id) && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
    controller.abort();
    await reading;
    expect(received.join('')).toContain(`"subjectId":"${id}"`);
    expect(received.join('')).toContain('case.created');
  });
});
