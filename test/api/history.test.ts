import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyHistory } from '../../src/platform/history.js';
import { buildEstate, buildUnit, buildWorld } from '../support/factories.js';
import { createTestApp, ENGINE, type TestApp } from '../support/harness.js';

describe(`R-RD-1 change history [${ENGINE}]`, () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp();
  });
  afterEach(async () => t.close());

  it('[R-RD-1] a change writes who, when, what, before and after in the same transaction', async () => {
    const { unit } = await buildWorld(t);
    t.clock.set('2026-11-20T02:34:05.000Z');
    const res = await t.admin.patch(`/units/${unit.id}`, { floor: 9 });
    expect(res.status).toBe(200);
    const entries = await t.ctx.db.selectFrom('history').selectAll().where('entity_id', '=', unit.id).orderBy('seq').execute();
    const last = entries.at(-1);
    expect(last?.action).toBe('updated');
    expect(new Date(last?.at ?? '').toISOString()).toBe('2026-11-20T02:34:05.000Z');
    expect(JSON.parse(last?.before ?? '{}').floor).toBe(1);
    expect(JSON.parse(last?.after ?? '{}').floor).toBe(9);
    const admin = await t.ctx.db.selectFrom('staff').select('id').where('username', '=', 'admin').executeTakeFirstOrThrow();
    expect(last?.actor_id).toBe(admin.id);
  });

  it('[R-RD-1] a refused change leaves neither the change nor a history entry', async () => {
    const { estate, unit } = await buildWorld(t);
    const before = await t.ctx.db
      .selectFrom('history')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const other = await buildUnit(t, estate.id, { number: '2A' });
    const after1 = await t.ctx.db
      .selectFrom('history')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    // Renaming onto an existing number violates uniqueness inside the transaction.
    const res = await t.admin.patch(`/units/${other.id}`, { number: unit.number, buildingId: unit.buildingId });
    expect(res.status).toBe(409);
    const after2 = await t.ctx.db
      .selectFrom('history')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after2.n)).toBe(Number(after1.n));
    expect(Number(after1.n)).toBeGreaterThan(Number(before.n));
  });

  it('[R-RD-1] verify passes on an untouched history', async () => {
    await buildWorld(t);
    await buildWorld(t);
    const result = await verifyHistory(t.ctx.db);
    expect(result.ok).toBe(true);
    expect(result.entries).toBeGreaterThan(10);
  });

  it('[R-RD-1] an entry edited behind the application is named', async () => {
    const { estate } = await buildWorld(t);
    const target = await t.ctx.db
      .selectFrom('history')
      .select(['id', 'seq'])
      .where('estate_id', '=', estate.id)
      .where('entity_type', '=', 'unit')
      .executeTakeFirstOrThrow();
    await sql`update history set after = ${'{"floor":99}'} where id = ${target.id}`.execute(t.ctx.db);
    const result = await verifyHistory(t.ctx.db);
    expect(result.ok).toBe(false);
    expect(result.problem).toMatchObject({ chain: `estate:${estate.id}`, seq: target.seq, entryId: target.id });
    expect(result.problem?.reason).toMatch(/edited/);
  });

  it('[R-RD-1] an entry deleted from the middle is named by the gap', async () => {
    const { estate } = await buildWorld(t);
    await sql`delete from history where estate_id = ${estate.id} and seq = 3`.execute(t.ctx.db);
    const result = await verifyHistory(t.ctx.db);
    expect(result.ok).toBe(false);
    expect(result.problem).toMatchObject({ chain: `estate:${estate.id}`, seq: 4 });
    expect(result.problem?.reason).toMatch(/missing/);
  });

  it('[R-RD-1] the last entry deleted is caught by the chain head', async () => {
    const { estate } = await buildWorld(t);
    const last = await t.ctx.db
      .selectFrom('history')
      .select((eb) => eb.fn.max('seq').as('m'))
      .where('estate_id', '=', estate.id)
      .executeTakeFirstOrThrow();
    await sql`delete from history where estate_id = ${estate.id} and seq = ${Number(last.m)}`.execute(t.ctx.db);
    const result = await verifyHistory(t.ctx.db);
    expect(result.ok).toBe(false);
    expect(result.problem?.chain).toBe(`estate:${estate.id}`);
  });

  it('[R-RD-1] an entry inserted behind the application is named', async () => {
    const { estate } = await buildWorld(t);
    const first = await t.ctx.db
      .selectFrom('history')
      .selectAll()
      .where('estate_id', '=', estate.id)
      .where('seq', '=', 2)
      .executeTakeFirstOrThrow();
    // Shift the chain to make room, then slip a forged entry in at seq 2.
    await sql`update history set seq = seq + 1000 where estate_id = ${estate.id} and seq >= 2`.execute(t.ctx.db);
    await sql`update history set seq = seq - 999 where estate_id = ${estate.id} and seq >= 1002`.execute(t.ctx.db);
    await t.ctx.db
      .insertInto('history')
      .values({ ...first, id: '019a0000-0000-7000-8000-000000000001', seq: 2, action: 'forged' })
      .execute();
    const result = await verifyHistory(t.ctx.db);
    expect(result.ok).toBe(false);
    expect(result.problem?.seq).toBe(2);
  });

  it("[R-RD-1] chains are per estate: one estate's entries never link into another's", async () => {
    const a = await buildEstate(t);
    const b = await buildEstate(t);
    const heads = await t.ctx.db.selectFrom('history_heads').selectAll().execute();
    expect(heads.map((h) => h.chain)).toEqual(expect.arrayContaining([`estate:${a.id}`, `estate:${b.id}`]));
    const firstOfB = await t.ctx.db
      .selectFrom('history')
      .selectAll()
      .where('chain', '=', `estate:${b.id}`)
      .where('seq', '=', 1)
      .executeTakeFirstOrThrow();
    expect(firstOfB.prev_hash).toBe('0'.repeat(64));
  });

  it('[R-RD-1] the estate history lists changes newest first, with who made them', async () => {
    const { estate, unit } = await buildWorld(t);
    await t.admin.patch(`/units/${unit.id}`, { areaM2: 70 });
    const res = await t.admin.get(`/estates/${estate.id}/history?entityType=unit&entityId=${unit.id}`);
    expect(res.status).toBe(200);
    expect(res.body.items[0]).toMatchObject({ action: 'updated', entityId: unit.id, actorName: '系統管理員' });
    expect(res.body.items[0].after.area_m2).toBe(70);
    expect(res.body.total).toBe(2);
  });

  it('[R-RD-1] concurrent changes to one estate keep one unbroken chain with gap-free sequences', async () => {
    const { estate } = await buildWorld(t);
    const units = await Promise.all(Array.from({ length: 5 }, (_, i) => buildUnit(t, estate.id, { number: `C${i}` })));
    await Promise.all(
      units.flatMap((u, i) => [t.admin.patch(`/units/${u.id}`, { floor: 10 + i }), t.admin.patch(`/units/${u.id}`, { areaM2: 30 + i })]),
    );
    const seqs = await t.ctx.db.selectFrom('history').select('seq').where('chain', '=', `estate:${estate.id}`).orderBy('seq').execute();
    expect(seqs.map((r) => Number(r.seq))).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
    expect((await verifyHistory(t.ctx.db)).ok).toBe(true);
  });
});
