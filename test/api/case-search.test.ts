import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildEstate } from '../support/factories.js';
import { createTestApp, ENGINE, type TestApp } from '../support/harness.js';

/**
 * Case search over the one-document-per-case index (docs/adr/0009-search-index.md): every query
 * term must be in the case's description, replies or notes; Han by characters and pairs, words
 * by prefix, Traditional and Simplified alike, and only among the estate's own cases.
 */
describe(`case search [${ENGINE}]`, () => {
  let t: TestApp;
  let estateA: string;
  let estateB: string;
  beforeEach(async () => {
    t = await createTestApp();
    estateA = (await buildEstate(t)).id;
    estateB = (await buildEstate(t)).id;
  });
  afterEach(async () => t.close());

  const record = async (estateId: string, description: string) => {
    const res = await t.admin.post(`/estates/${estateId}/cases`, { kind: 'inquiry', channel: 'counter', description });
    expect(res.status).toBe(201);
    return res.body.id as string;
  };
  const found = async (estateId: string, q: string) => {
    const res = await t.admin.get(`/estates/${estateId}/cases/search?q=${encodeURIComponent(q)}`);
    expect(res.status).toBe(200);
    return (res.body.items as { id: string }[]).map((c) => c.id).sort();
  };

  it("finds a case by its reply's words, by Traditional or Simplified, by a word's beginning, only in its own estate", async () => {
    const lift = await record(estateA, '电梯门关不上，住户被困');
    const window = await record(estateA, 'Window frame loose in the living room');
    const other = await record(estateB, '電梯維修保養查詢 elevator');

    expect(await found(estateA, '電梯'), 'a Traditional query finds Simplified text').toEqual([lift]);
    expect(await found(estateA, '电梯'), 'and a Simplified one').toEqual([lift]);
    expect(await found(estateB, '电梯'), 'the same word in the other estate finds only its case').toEqual([other]);
    expect(await found(estateA, 'elevator'), "a word only the other estate's case holds").toEqual([]);
    expect(await found(estateA, '維修'), "a pair only the other estate's case holds").toEqual([]);

    expect(await found(estateA, 'win'), "a word's beginning finds the word").toEqual([window]);
    expect(await found(estateA, 'FRAME Loose'), 'words in any case, all present').toEqual([window]);
    expect(await found(estateA, 'frame tight'), 'a word the case lacks').toEqual([]);
    expect(await found(estateA, 'indow'), 'words match from their beginning only').toEqual([]);

    expect(await found(estateA, '師傅'), 'before the reply').toEqual([]);
    const reply = await t.admin.post(`/cases/${window}/replies`, { method: 'call', content: '師傅明早上門更換窗鉸' });
    expect(reply.status).toBe(200);
    expect(await found(estateA, '师傅'), "the reply's words make the case findable").toEqual([window]);
    expect(await found(estateA, '窗鉸 frame'), "the reply's and the description's words together").toEqual([window]);
    expect(await found(estateA, '門關'), 'a pair across words of the description').toEqual([lift]);
    expect(await found(estateA, '住户被困 电梯'), 'several pairs, all present').toEqual([lift]);
    expect(await found(estateA, '被困 窗鉸'), 'terms of two different cases find neither').toEqual([]);
    expect(await found(estateA, '"; drop table cases; --'), 'quotes and operators are only text').toEqual([]);
  });

  it('pages a word found in many cases newest recorded first with the whole count, alone and narrowed by a filter', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) {
      t.clock.advance(60_000);
      ids.push(await record(estateA, `第${i}宗 浴室天花滲水`));
    }
    await record(estateB, '浴室天花滲水');
    const pageOf = async (query: string) => {
      const res = await t.admin.get(`/estates/${estateA}/cases?${query}`);
      expect(res.status).toBe(200);
      return { ids: (res.body.items as { id: string }[]).map((c) => c.id), total: res.body.total as number };
    };
    const newest = [...ids].reverse();
    expect(await pageOf('q=滲水&pageSize=3&page=1')).toEqual({ ids: newest.slice(0, 3), total: 7 });
    expect(await pageOf('q=滲水&pageSize=3&page=3')).toEqual({ ids: newest.slice(6), total: 7 });
    expect(await pageOf('q=滲水&pageSize=3&page=2&sort=recordedAt')).toEqual({ ids: ids.slice(3, 6), total: 7 });
    // A filter beside the words: the same order and count from the cases themselves.
    expect(await pageOf('q=滲水&pageSize=3&page=1&kind=inquiry')).toEqual({ ids: newest.slice(0, 3), total: 7 });
    expect(await pageOf('q=滲水&kind=complaint')).toEqual({ ids: [], total: 0 });
  });

  it('a database from before the search documents keeps its search after the migration', async () => {
    const leak = await record(estateA, '浴室天花滲水，已通知樓上住戶');
    const noise = await record(estateA, 'Noise from the flat upstairs at night');
    expect((await t.admin.post(`/cases/${noise}/replies`, { method: 'call', content: '已聯絡樓上單位' })).status).toBe(200);
    const otherLeak = await record(estateB, '廚房滲水');
    const before = { leak: await found(estateA, '渗水'), upstairs: await found(estateA, '樓上'), night: await found(estateA, 'nig') };
    expect(before).toEqual({ leak: [leak], upstairs: [leak, noise].sort(), night: [noise] });

    // The index as it was: one row per term, made from the documents of today.
    const db = t.ctx.db;
    const docs = await sql<{ case_id: string; estate_id: string; terms: string[] | string }>`
      select case_id, estate_id, ${ENGINE === 'postgres' ? sql`tsvector_to_array(terms)` : sql`terms`} as terms from case_docs`.execute(db);
    if (ENGINE === 'sqlite') await sql`drop table case_search`.execute(db);
    await sql`drop table case_docs`.execute(db);
    await db.schema
      .createTable('case_terms')
      .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
      .addColumn('estate_id', 'text', (c) => c.notNull())
      .addColumn('term', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('case_terms_pk', ['case_id', 'term'])
      .execute();
    const rows = docs.rows.flatMap((d) =>
      (typeof d.terms === 'string' ? d.terms.split(' ') : d.terms)
        .filter((term) => !term.startsWith('_e'))
        .map((term) => ({ case_id: d.case_id, estate_id: d.estate_id, term })),
    );
    expect(rows.length).toBeGreaterThan(20);
    await sql`insert into case_terms (case_id, estate_id, term) values ${sql.join(
      rows.map((r) => sql`(${r.case_id}, ${r.estate_id}, ${r.term})`),
    )}`.execute(db);

    const { up } = await import('../../src/platform/db/migrations/2026-11-30-0011-case-search-documents.js');
    await up(db);
    expect(await found(estateA, '渗水')).toEqual(before.leak);
    expect(await found(estateA, '樓上')).toEqual(before.upstairs);
    expect(await found(estateA, 'nig')).toEqual(before.night);
    expect(await found(estateB, '滲水')).toEqual([otherLeak]);
    const left = await sql<{ n: number }>`select count(*) as n from case_docs`.execute(db);
    expect(Number(left.rows[0]?.n), 'one document per case').toBe(3);

    // A text added after the migration joins the moved document.
    await t.admin.post(`/cases/${leak}/replies`, { method: 'call', content: 'Plumber booked' });
    expect(await found(estateA, 'plumb 滲水')).toEqual([leak]);
    expect(await found(estateA, '樓上')).toEqual(before.upstairs);
  });
});
