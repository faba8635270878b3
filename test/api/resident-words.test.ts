import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ensurePhraseSeed } from '../../src/phrases/index.js';
import { buildStaff, buildWorld } from '../support/factories.js';
import { type Client, createTestApp, ENGINE, type Json, type TestApp } from '../support/harness.js';

const NOW = '2026-11-20T02:00:00.000Z';
const H = 3_600_000;
const plus = (iso: string, hours: number) => new Date(new Date(iso).getTime() + hours * H).toISOString();
/** 篇3 §12's ordering word, and the seed pair that answers it. */
const MUST = '00000000-0000-7000-8000-000000000115';
const I_DONT_KNOW = '00000000-0000-7000-8000-000000000101';

/** The phrase-guide findings a timeline entry of the case keeps, by entry type. */
async function keptOnTimeline(t: TestApp, caseId: string, type: string): Promise<Json[]> {
  const rows = await t.ctx.db.selectFrom('case_events').select(['data']).where('case_id', '=', caseId).where('type', '=', type).execute();
  return rows.map((r) => (typeof r.data === 'string' ? JSON.parse(r.data) : r.data).phraseWarnings ?? null);
}

/**
 * R-WD-2: every write whose words a resident reads (a reply or written message, a handling result,
 * a follow-up's words, a call-back, a rectification notice) is checked against the phrase guide
 * as it is made: the write is done, the answer says what the guide found, and the record keeps it.
 */
describe(`words a resident reads are checked against the phrase guide when they are sent [${ENGINE}]`, () => {
  let t: TestApp;
  let world: Awaited<ReturnType<typeof buildWorld>>;
  let estateId: string;
  let desk: Client;
  let fixer: Client;
  let fixerId: string;
  let wongId: string;

  beforeEach(async () => {
    t = await createTestApp({ now: NOW });
    await ensurePhraseSeed(t.ctx.db, t.clock);
    world = await buildWorld(t);
    estateId = world.estate.id;
    const depts = await t.admin.get(`/estates/${estateId}/departments`);
    const dept = (code: string) => depts.body.items.find((d: { code: string }) => d.code === code).id;
    await buildStaff(t, estateId, { username: 'desk', role: 'receptionist', departmentId: dept('front_desk') });
    wongId = (await buildStaff(t, estateId, { username: 'wong', role: 'department', departmentId: dept('engineering') })).id;
    fixerId = (await buildStaff(t, estateId, { username: 'fixer', role: 'maintenance', departmentId: dept('engineering') })).id;
    desk = await t.as('desk');
    fixer = await t.as('fixer');
  });
  afterEach(async () => t.close());

  async function complaint(): Promise<string> {
    const created = await desk.post(`/estates/${estateId}/cases`, {
      kind: 'complaint',
      channel: 'phone',
      unitId: world.unit.id,
      residentId: world.resident.id,
      description: '保安當晚沒有處理噪音',
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    return created.body.id;
  }

  it('[R-WD-2] a written message to the resident with 你必須 is sent, answered with the warning and its sentence, and the timeline keeps it', async () => {
    const caseId = await complaint();
    const res = await desk.post(`/cases/${caseId}/replies`, { method: 'written', content: '陳先生，你必須在月底前交管理費。' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.phraseWarnings).toEqual([
      {
        field: 'content',
        matches: [
          expect.objectContaining({
            text: '你必須在月底前交管理費',
            avoid: '你必須',
            replacement: '麻煩您在月底前交管理費',
            preview: '陳先生，麻煩您在月底前交管理費。',
            ruleId: MUST,
          }),
        ],
      },
    ]);
    // It warns, never blocks: the reply is on the timeline as written, with what the guide found.
    expect(res.body.timeline.find((e: { type: string }) => e.type === 'reply')).toMatchObject({ text: '陳先生，你必須在月底前交管理費。' });
    expect(await keptOnTimeline(t, caseId, 'reply')).toEqual([
      [
        {
          field: 'content',
          matches: [{ text: '你必須在月底前交管理費', avoid: '你必須', replacement: '麻煩您在月底前交管理費', ruleId: MUST }],
        },
      ],
    ]);
  });

  it('[R-WD-2] a reply the guide finds nothing in answers no warning and keeps none', async () => {
    const caseId = await complaint();
    const res = await desk.post(`/cases/${caseId}/replies`, {
      method: 'call',
      content: '對不起，我不太清楚保安當晚為何沒有處理，他離開了現場。',
    });
    expect(res.status).toBe(200);
    expect(res.body.phraseWarnings).toEqual([]);
    expect(await keptOnTimeline(t, caseId, 'reply')).toEqual([null]);
  });

  it('[R-WD-2] the handling result told to the resident is checked when the case is resolved', async () => {
    const caseId = await complaint();
    const res = await desk.post(`/cases/${caseId}/resolve`, { result: '我不知道保安為何沒有處理，已轉介保安部。' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.status).toBe('resolved');
    expect(res.body.phraseWarnings).toMatchObject([{ field: 'result', matches: [{ avoid: '我不知道', ruleId: I_DONT_KNOW }] }]);
    expect(await keptOnTimeline(t, caseId, 'resolved')).toMatchObject([[{ field: 'result', matches: [{ ruleId: I_DONT_KNOW }] }]]);
  });

  it('[R-WD-2] a handling result given with the satisfaction or at closing is checked too; closing on a result checked before finds nothing new', async () => {
    const caseId = await complaint();
    const rated = await desk.post(`/cases/${caseId}/satisfaction`, {
      satisfaction: 'satisfied',
      result: '你要先到管理處登記，我們才可以處理。',
    });
    expect(rated.status, JSON.stringify(rated.body)).toBe(200);
    expect(rated.body.phraseWarnings).toMatchObject([
      { field: 'result', matches: [{ avoid: '你要', preview: '請您先到管理處登記，我們才可以處理。' }] },
    ]);
    expect(await keptOnTimeline(t, caseId, 'satisfaction')).toMatchObject([[{ field: 'result', matches: [{ avoid: '你要' }] }]]);
    const closed = await desk.post(`/cases/${caseId}/close`, {});
    expect(closed.status, JSON.stringify(closed.body)).toBe(200);
    expect(closed.body).toMatchObject({ status: 'closed', phraseWarnings: [] });

    const inquiry = await desk.post(`/estates/${estateId}/cases`, { kind: 'inquiry', channel: 'counter', description: '問泊車位' });
    const answered = await desk.post(`/cases/${inquiry.body.id}/close`, { result: '不可以在平台泊車。' });
    expect(answered.status, JSON.stringify(answered.body)).toBe(200);
    expect(answered.body.phraseWarnings).toMatchObject([
      { field: 'result', matches: [{ avoid: '不可以', replacement: '請不要在平台泊車，謝謝合作' }] },
    ]);
  });

  /** A repair completed 30 hours ago, its follow-up open; returns the case id. */
  async function repairDone(): Promise<string> {
    const completedAt = plus(NOW, -30);
    const created = await desk.post(`/estates/${estateId}/cases`, {
      kind: 'repair',
      channel: 'phone',
      unitId: world.unit.id,
      residentId: world.resident.id,
      description: '走廊燈不亮',
      repairClass: 'other',
      occurredAt: plus(completedAt, -24),
    });
    const caseId = created.body.id;
    await desk.post(`/cases/${caseId}/repair/start`, { maintenanceStaffId: fixerId, startedAt: plus(completedAt, -2) });
    expect((await fixer.post(`/cases/${caseId}/repair/complete`, { workDone: '已換燈膽', completedAt })).status).toBe(200);
    return caseId;
  }

  it("[R-WD-2] a follow-up's words with 你必須 get the warning; the follow-up is recorded and its case entry keeps it", async () => {
    const caseId = await repairDone();
    const queue = await desk.get(`/estates/${estateId}/follow-ups?queue=all&caseId=${caseId}`);
    const followUpId = queue.body.items[0].id;

    const res = await desk.post(`/follow-ups/${followUpId}/record`, {
      occurredAt: plus(NOW, -1),
      method: 'phone',
      result: 'ok',
      residentWords: '燈已修好。你必須關好後樓梯門。',
      satisfaction: 5,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ status: 'done', residentWords: '燈已修好。你必須關好後樓梯門。' });
    expect(res.body.phraseWarnings).toEqual([
      {
        field: 'residentWords',
        matches: [expect.objectContaining({ avoid: '你必須', preview: '麻煩您關好後樓梯門。', ruleId: MUST })],
      },
    ]);
    expect(await keptOnTimeline(t, caseId, 'follow_up')).toMatchObject([[{ field: 'residentWords', matches: [{ ruleId: MUST }] }]]);
  });

  it('[R-WD-2] a rectification notice is issued with its number and answers what the guide found in its words', async () => {
    const caseId = await repairDone();
    const followUpId = (await desk.get(`/estates/${estateId}/follow-ups?queue=all&caseId=${caseId}`)).body.items[0].id;
    const found = await desk.post(`/follow-ups/${followUpId}/record`, {
      occurredAt: plus(NOW, -2),
      method: 'visit',
      result: 'problem',
      residentWords: '燈仍然閃爍',
      satisfaction: 2,
      problem: '走廊燈仍然閃爍',
    });
    expect(found.status, JSON.stringify(found.body)).toBe(200);
    const res = await desk.post(`/estates/${estateId}/rectification-notices`, {
      occurredAt: plus(NOW, -1),
      followUpId,
      requiredAction: '不可以再用舊燈膽，請更換整套燈具。',
      deadlineAt: plus(NOW, 48),
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.code).toMatch(/^2026-\d{4}$/);
    expect(res.body.phraseWarnings).toMatchObject([
      { field: 'requiredAction', matches: [{ avoid: '不可以', replacement: '請不要再用舊燈膽，謝謝合作' }] },
    ]);
    expect(await keptOnTimeline(t, caseId, 'rectification_notice')).toMatchObject([
      [{ field: 'requiredAction', matches: [{ avoid: '不可以' }] }],
    ]);
  });

  it('[R-WD-2] what was agreed on a call-back is checked; the history of the call-back keeps the warning', async () => {
    const taken = await desk.post(`/estates/${estateId}/messages`, {
      callerName: '陳先生',
      callerPhone: '9123 4567',
      unitId: world.unit.id,
      text: '廚房漏水,請回電',
      forStaffId: wongId,
    });
    expect(taken.status, JSON.stringify(taken.body)).toBe(201);
    const wong = await t.as('wong');
    const res = await wong.post(`/messages/${taken.body.id}/callback`, { note: '你必須先關總掣，師傅下午上來。' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ state: 'met', callbackNote: '你必須先關總掣，師傅下午上來。' });
    expect(res.body.phraseWarnings).toMatchObject([
      { field: 'note', matches: [{ avoid: '你必須', replacement: '麻煩您先關總掣', ruleId: MUST }] },
    ]);
    const kept = await t.ctx.db
      .selectFrom('history')
      .select(['after'])
      .where('entity_id', '=', taken.body.id)
      .where('action', '=', 'called_back')
      .executeTakeFirstOrThrow();
    const after = typeof kept.after === 'string' ? JSON.parse(kept.after) : kept.after;
    expect(after.phraseWarnings).toMatchObject([{ field: 'note', matches: [{ ruleId: MUST }] }]);
  });

  it('[R-WD-2] a clean call-back note answers no warning', async () => {
    const taken = await desk.post(`/estates/${estateId}/messages`, { callerName: '李小姐', text: '請回電', forStaffId: wongId });
    const wong = await t.as('wong');
    const res = await wong.post(`/messages/${taken.body.id}/callback`, { note: '已約師傅明早上門，麻煩您先關總掣。' });
    expect(res.status).toBe(200);
    expect(res.body.phraseWarnings).toEqual([]);
  });
});
