import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildEstate, buildStaff } from '../../test/support/factories.js';
import { type Client, createTestApp, ENGINE, type TestApp } from '../../test/support/harness.js';
import { ensurePhraseSeed, PHRASE_SEED } from './seed.js';

const SEED_HANT_I_DONT_KNOW = '00000000-0000-7000-8000-000000000101';
const SEED_EN_CALL_BACK_LATER = '00000000-0000-7000-8000-000000000309';

async function phraseHistory(t: TestApp, entityId?: string) {
  let q = t.ctx.db
    .selectFrom('history')
    .select(['chain', 'estate_id', 'action', 'entity_id', 'actor_id'])
    .where('entity_type', '=', 'phrase_rule');
  if (entityId) q = q.where('entity_id', '=', entityId);
  return q.orderBy('seq').execute();
}

async function ruleCount(t: TestApp) {
  const { n } = await t.ctx.db
    .selectFrom('phrase_rules')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(n);
}

describe(`phrase guide (R-WD-1) [${ENGINE}]`, () => {
  let t: TestApp;
  let estateA: string;
  let estateB: string;
  let desk: Client;
  let managerA: Client;
  let managerB: Client;

  beforeEach(async () => {
    t = await createTestApp();
    await ensurePhraseSeed(t.ctx.db, t.clock);
    estateA = (await buildEstate(t)).id;
    estateB = (await buildEstate(t)).id;
    await buildStaff(t, estateA, { username: 'desk-a', role: 'receptionist' });
    await buildStaff(t, estateA, { username: 'manager-a', role: 'manager' });
    await buildStaff(t, estateB, { username: 'manager-b', role: 'manager' });
    desk = await t.as('desk-a');
    managerA = await t.as('manager-a');
    managerB = await t.as('manager-b');
  });
  afterEach(async () => t.close());

  it('R-WD-1: the seed catches 我不知道 with its position and suggests 對不起，我不太清楚', async () => {
    const res = await desk.post(`/estates/${estateA}/phrases/check`, { text: '陳先生,我不知道停水時間。' });
    expect(res.status).toBe(200);
    expect(res.body.matches).toEqual([
      {
        start: 4,
        end: 8,
        text: '我不知道',
        avoid: '我不知道',
        suggestion: '對不起，我不太清楚',
        note: expect.any(String),
        ruleId: SEED_HANT_I_DONT_KNOW,
        locale: 'zh-Hant',
      },
    ]);
  });

  it('R-WD-1: Simplified words are caught by the same guide and answered in Simplified', async () => {
    const res = await desk.post(`/estates/${estateA}/phrases/check`, { text: '喂,他不在,请迟一些来电' });
    expect(res.status).toBe(200);
    expect(res.body.matches.map((m: { text: string; suggestion: string; start: number }) => [m.start, m.text, m.suggestion])).toEqual([
      [0, '喂', '您好'],
      [2, '他不在', '对不起，他走开了'],
      [7, '迟一些来电', '有什么事吗？我会代为转告的，请留言'],
    ]);
  });

  it('R-WD-1: a good reply finds nothing, and the check writes nothing', async () => {
    const before = await phraseHistory(t);
    const res = await desk.post(`/estates/${estateA}/phrases/check`, { text: '對不起,他走開了。有什么事嗎?我會代為轉告的,請留言。' });
    expect(res.status).toBe(200);
    expect(res.body.matches).toEqual([]);
    expect(await phraseHistory(t)).toEqual(before);
  });

  it('R-WD-1: the seed goes in once, with its history, however often start-up runs', async () => {
    expect(await ruleCount(t)).toBe(PHRASE_SEED.length);
    expect(await ensurePhraseSeed(t.ctx.db, t.clock)).toBe(0);
    expect(await ruleCount(t)).toBe(PHRASE_SEED.length);
    const seeded = await phraseHistory(t);
    expect(seeded).toHaveLength(PHRASE_SEED.length);
    expect(new Set(seeded.map((h) => `${h.chain} ${h.action}`))).toEqual(new Set(['company seeded']));
  });

  it("R-WD-1: an estate's own rule is found at that estate and not at another; its creation is in the estate's history", async () => {
    const created = await managerA.post(`/estates/${estateA}/phrase-rules`, {
      locale: 'zh-Hant',
      avoid: '搞掂咗',
      suggestion: '已經為您處理好',
      note: '書面回覆用書面語',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ estateId: estateA, scope: 'estate', match: 'anywhere', disabled: false, disabledAt: null });

    const own = await desk.post(`/estates/${estateA}/phrases/check`, { text: '水管已經搞掂咗' });
    expect(own.body.matches).toEqual([
      expect.objectContaining({ start: 4, end: 7, suggestion: '已經為您處理好', ruleId: created.body.id }),
    ]);
    const other = await managerB.post(`/estates/${estateB}/phrases/check`, { text: '水管已經搞掂咗' });
    expect(other.status).toBe(200);
    expect(other.body.matches).toEqual([]);

    expect(await phraseHistory(t, created.body.id)).toEqual([
      { chain: `estate:${estateA}`, estate_id: estateA, action: 'created', entity_id: created.body.id, actor_id: expect.any(String) },
    ]);

    const listedA = await desk.get(`/estates/${estateA}/phrase-rules?scope=estate`);
    expect(listedA.body.items.map((r: { id: string }) => r.id)).toEqual([created.body.id]);
    const listedB = await managerB.get(`/estates/${estateB}/phrase-rules?pageSize=200`);
    expect(listedB.body.items.map((r: { id: string }) => r.id)).not.toContain(created.body.id);
  });

  it('R-WD-1: a receptionist may not add to the guide (403) and nothing is written', async () => {
    const before = await ruleCount(t);
    const res = await desk.post(`/estates/${estateA}/phrase-rules`, { locale: 'zh-Hant', avoid: '唔知', suggestion: '對不起,我不太清楚' });
    expect(res.status).toBe(403);
    expect(res.body.error).toMatchObject({ code: 'auth.forbidden', details: { ability: 'phrase.write', role: 'receptionist' } });
    expect(await ruleCount(t)).toBe(before);
  });

  it("R-WD-1: another estate's rule and another estate's check answer 404 and show nothing of it", async () => {
    const theirs = await managerB.post(`/estates/${estateB}/phrase-rules`, {
      locale: 'en',
      avoid: 'Bravo secret',
      suggestion: 'Bravo only',
    });
    expect(theirs.status).toBe(201);
    const patch = await managerA.patch(`/phrase-rules/${theirs.body.id}`, { suggestion: 'taken over' });
    expect(patch.status).toBe(404);
    expect(JSON.stringify(patch.body)).not.toContain('Bravo');
    const check = await managerA.post(`/estates/${estateB}/phrases/check`, { text: 'Bravo secret' });
    expect(check.status).toBe(404);
    const list = await managerA.get(`/estates/${estateB}/phrase-rules`);
    expect(list.status).toBe(404);
    const create = await managerA.post(`/estates/${estateB}/phrase-rules`, { locale: 'en', avoid: 'x', suggestion: 'y' });
    expect(create.status).toBe(404);
    const after = await t.admin.get(`/estates/${estateB}/phrase-rules?scope=estate`);
    expect(after.body.items).toMatchObject([{ id: theirs.body.id, suggestion: 'Bravo only' }]);
  });

  it('R-WD-1: a disabled rule no longer matches, stays listed, and the change is in the history', async () => {
    const created = await managerA.post(`/estates/${estateA}/phrase-rules`, {
      locale: 'en',
      avoid: 'ASAP',
      suggestion: 'as soon as possible',
    });
    expect((await desk.post(`/estates/${estateA}/phrases/check`, { text: 'We will fix it asap.' })).body.matches).toHaveLength(1);

    const disabled = await managerA.patch(`/phrase-rules/${created.body.id}`, { disabled: true });
    expect(disabled.status).toBe(200);
    expect(disabled.body).toMatchObject({ disabled: true, disabledAt: '2026-11-20T02:00:00.000Z' });
    expect((await desk.post(`/estates/${estateA}/phrases/check`, { text: 'We will fix it asap.' })).body.matches).toEqual([]);

    const listed = await desk.get(`/estates/${estateA}/phrase-rules?scope=estate`);
    expect(listed.body.items).toMatchObject([{ id: created.body.id, disabled: true }]);
    expect((await phraseHistory(t, created.body.id)).map((h) => h.action)).toEqual(['created', 'disabled']);

    const enabled = await managerA.patch(`/phrase-rules/${created.body.id}`, { disabled: false });
    expect(enabled.body).toMatchObject({ disabled: false, disabledAt: null });
    expect((await desk.post(`/estates/${estateA}/phrases/check`, { text: 'We will fix it asap.' })).body.matches).toHaveLength(1);
  });

  it("R-WD-1: only an admin changes the company's guide; disabling a company rule stops it at every estate", async () => {
    const byManager = await managerA.patch(`/phrase-rules/${SEED_EN_CALL_BACK_LATER}`, { disabled: true });
    expect(byManager.status).toBe(403);
    expect(byManager.body.error.details.ability).toBe('phrase.company.write');
    const companyByManager = await managerA.post(`/estates/${estateA}/phrase-rules`, {
      locale: 'zh-Hant',
      avoid: '等一等',
      suggestion: '請稍等',
      scope: 'company',
    });
    expect(companyByManager.status).toBe(403);
    expect(companyByManager.body.error.details.ability).toBe('phrase.company.write');

    const before = await desk.post(`/estates/${estateA}/phrases/check`, { text: 'Please call back later.' });
    expect(before.body.matches).toMatchObject([{ ruleId: SEED_EN_CALL_BACK_LATER, text: 'call back later' }]);

    const byAdmin = await t.admin.patch(`/phrase-rules/${SEED_EN_CALL_BACK_LATER}`, { disabled: true });
    expect(byAdmin.status).toBe(200);
    expect(byAdmin.body).toMatchObject({ scope: 'company', estateId: null, disabled: true });
    for (const [client, estateId] of [
      [desk, estateA],
      [managerB, estateB],
    ] as const) {
      const res = await client.post(`/estates/${estateId}/phrases/check`, { text: 'Please call back later.' });
      expect(res.body.matches).toEqual([]);
    }
    expect((await phraseHistory(t, SEED_EN_CALL_BACK_LATER)).map((h) => `${h.chain} ${h.action}`)).toEqual([
      'company seeded',
      'company disabled',
    ]);

    const companyRule = await t.admin.post(`/estates/${estateA}/phrase-rules`, {
      locale: 'zh-Hant',
      avoid: '等一等',
      suggestion: '請稍等',
      scope: 'company',
    });
    expect(companyRule.status).toBe(201);
    expect(companyRule.body).toMatchObject({ scope: 'company', estateId: null });
    const atB = await managerB.post(`/estates/${estateB}/phrases/check`, { text: '你等一等' });
    expect(atB.body.matches).toEqual([expect.objectContaining({ ruleId: companyRule.body.id, suggestion: '請稍等' })]);
  });

  it('R-WD-1: the same phrase twice in one guide is refused with 409 naming avoid', async () => {
    const first = await managerA.post(`/estates/${estateA}/phrase-rules`, { locale: 'zh-Hant', avoid: '冇辦法', suggestion: '我們會盡力' });
    expect(first.status).toBe(201);
    const again = await managerA.post(`/estates/${estateA}/phrase-rules`, { locale: 'zh-Hant', avoid: '冇辦法', suggestion: '另一說法' });
    expect(again.status).toBe(409);
    expect(again.body.error.details.field).toBe('avoid');
  });

  it('R-WD-1: the list shows the company rules and the estate rules, by language, search and page', async () => {
    await managerA.post(`/estates/${estateA}/phrase-rules`, { locale: 'en', avoid: 'No worries', suggestion: 'You are welcome' });
    const all = await desk.get(`/estates/${estateA}/phrase-rules?pageSize=200`);
    expect(all.status).toBe(200);
    expect(all.body.total).toBe(PHRASE_SEED.length + 1);
    const scopes: string[] = all.body.items.map((r: { scope: string }) => r.scope);
    expect(scopes.filter((s) => s === 'company')).toHaveLength(PHRASE_SEED.length);
    expect(scopes.at(-1)).toBe('estate');

    const english = await desk.get(`/estates/${estateA}/phrase-rules?locale=en&pageSize=200`);
    expect(english.body.items.every((r: { locale: string }) => r.locale === 'en')).toBe(true);
    expect(english.body.total).toBe(PHRASE_SEED.filter((p) => p.locale === 'en').length + 1);

    const searched = await desk.get(`/estates/${estateA}/phrase-rules?q=${encodeURIComponent('no worries')}`);
    expect(searched.body.items.map((r: { avoid: string }) => r.avoid)).toEqual(['No worries']);
    const byChinese = await desk.get(`/estates/${estateA}/phrase-rules?q=${encodeURIComponent('走開了')}`);
    expect(byChinese.body.items.map((r: { avoid: string }) => r.avoid).sort()).toEqual(['他們不在', '他不在', '她不在'].sort());

    const page2 = await desk.get(`/estates/${estateA}/phrase-rules?page=2&pageSize=10`);
    expect(page2.body).toMatchObject({ page: 2, pageSize: 10, total: PHRASE_SEED.length + 1 });
    expect(page2.body.items).toHaveLength(10);
    expect(page2.body.items[0].id).toBe(all.body.items[10].id);
  });

  it("a manager of one estate who is receptionist in another cannot extend the second estate's guide (403 phrase.write)", async () => {
    const created = await t.admin.post('/staff', {
      username: 'two-hats',
      name: '何兩職',
      surname: '何',
      role: 'manager',
      locale: 'zh-Hant',
      password: 'Two-hats-pass-2026',
      estates: [
        { estateId: estateA, role: 'manager', departmentId: null, counterSeat: null },
        { estateId: estateB, role: 'receptionist', departmentId: null, counterSeat: null },
      ],
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const person = await t.as('two-hats', 'Two-hats-pass-2026');
    const atA = await person.post(`/estates/${estateA}/phrase-rules`, { locale: 'en', avoid: 'No idea', suggestion: 'Let me find out' });
    expect(atA.status, JSON.stringify(atA.body)).toBe(201);
    const before = await ruleCount(t);
    const atB = await person.post(`/estates/${estateB}/phrase-rules`, { locale: 'en', avoid: 'No idea', suggestion: 'Let me find out' });
    expect(atB.status).toBe(403);
    expect(atB.body.error).toMatchObject({ code: 'auth.forbidden', details: { ability: 'phrase.write', role: 'receptionist' } });
    expect(await ruleCount(t)).toBe(before);
    // Checking words is everyone's, in both estates.
    expect((await person.post(`/estates/${estateB}/phrases/check`, { text: 'No idea' })).status).toBe(200);
  });
});
