import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildStaff, buildWorld } from '../../test/support/factories.js';
import { type Client, createTestApp, ENGINE, type TestApp } from '../../test/support/harness.js';
import { pdfText } from '../../test/support/pdf.js';
import { verifyHistory } from '../platform/history.js';
import { sweep } from '../platform/obligations/index.js';

const H = 3_600_000;
const NOW = '2026-12-10T02:00:00.000Z';
const plus = (iso: string, hours: number) => new Date(new Date(iso).getTime() + hours * H).toISOString();
const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

describe(`follow-ups, rain, rectification notices and spot checks [${ENGINE}]`, () => {
  let t: TestApp;
  let world: Awaited<ReturnType<typeof buildWorld>>;
  let desk: Client;
  let boss: Client;
  let fixer: Client;
  let fixerId: string;
  let deskId: string;
  let estateId: string;

  beforeEach(async () => {
    t = await createTestApp({ now: NOW });
    world = await buildWorld(t);
    estateId = world.estate.id;
    const depts = await t.admin.get(`/estates/${estateId}/departments`);
    const engineering = depts.body.items.find((d: { code: string }) => d.code === 'engineering');
    await buildStaff(t, estateId, { username: 'boss', role: 'manager' });
    deskId = (await buildStaff(t, estateId, { username: 'desk', role: 'receptionist' })).id;
    fixerId = (await buildStaff(t, estateId, { username: 'fixer', role: 'maintenance', departmentId: engineering.id })).id;
    desk = await t.as('desk');
    boss = await t.as('boss');
    fixer = await t.as('fixer');
  });
  afterEach(async () => t.close());

  /** A repair case recorded and completed at the given times; returns the case id. */
  async function completedRepair(repairClass: 'safety' | 'leak' | 'other', completedAt: string, description = '浴室天花滲水') {
    const created = await desk.post(`/estates/${estateId}/cases`, {
      kind: 'repair',
      channel: 'phone',
      unitId: world.unit.id,
      residentId: world.resident.id,
      description,
      repairClass,
      occurredAt: plus(completedAt, -24),
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    await desk.post(`/cases/${created.body.id}/repair/start`, { maintenanceStaffId: fixerId, startedAt: plus(completedAt, -2) });
    const done = await fixer.post(`/cases/${created.body.id}/repair/complete`, { workDone: '已修妥', completedAt });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    return created.body.id as string;
  }

  async function followUpsOf(caseId: string) {
    const res = await desk.get(`/estates/${estateId}/follow-ups?queue=all&caseId=${caseId}&pageSize=50`);
    expect(res.status).toBe(200);
    return res.body.items as {
      id: string;
      kind: string;
      status: string;
      dueAt: string | null;
      state: string | null;
      metOnTime: boolean | null;
    }[];
  }

  async function obligationsOf(rule: string) {
    const res = await boss.get(`/estates/${estateId}/obligations?queue=all&rule=${rule}&pageSize=200`);
    return res.body.items as { subjectId: string; dueAt: string; metAt: string | null; metOnTime: boolean | null; state: string }[];
  }

  it('[R-FU-1..4, R-RC-1..3] the whole loop: leak repair → problem → notice at 23 h → acknowledged → rectified → ok → rain → after-rain visit met', async () => {
    // Friday 6 November 17:00 in Hong Kong.
    const completedAt = '2026-11-06T09:00:00.000Z';
    const caseId = await completedRepair('leak', completedAt);
    let list = await followUpsOf(caseId);
    const visit = list.find((f) => f.kind === 'repair');
    const afterRain = list.find((f) => f.kind === 'after_rain');
    // R-FU-1: due Monday 17:00; R-FU-2: awaiting rain.
    expect(visit).toMatchObject({ status: 'open', dueAt: '2026-11-09T09:00:00.000Z' });
    expect(afterRain).toMatchObject({ status: 'awaiting_rain', dueAt: null, state: null });
    const awaiting = await desk.get(`/estates/${estateId}/follow-ups?queue=awaiting_rain`);
    expect(awaiting.body.items.map((f: { id: string }) => f.id)).toEqual([afterRain?.id]);
    expect(awaiting.body.counts.awaitingRain).toBe(1);

    // R-FU-4: a visit on Sunday finds the ceiling still wet.
    const foundAt = '2026-11-08T02:00:00.000Z';
    const recorded = await desk.post(`/follow-ups/${visit?.id}/record`, {
      occurredAt: foundAt,
      method: 'visit',
      result: 'problem',
      residentWords: '天花仲係有水滴落嚟,我好唔開心',
      satisfaction: 2,
      problem: '浴室天花仍有滲水',
    });
    expect(recorded.status, JSON.stringify(recorded.body)).toBe(200);
    expect(recorded.body).toMatchObject({
      status: 'done',
      result: 'problem',
      performedAt: foundAt,
      performedBy: { id: deskId },
      residentWords: '天花仲係有水滴落嚟,我好唔開心',
      satisfaction: 2,
      state: 'met',
      metOnTime: true,
      rectification: { dueAt: plus(foundAt, 24), notices: [] },
    });

    // R-RC-1: the notice 23 hours after the finding is on time.
    const issued = await desk.post(`/estates/${estateId}/rectification-notices`, {
      occurredAt: plus(foundAt, 23),
      followUpId: visit?.id,
      requiredAction: '重新做浴室天花防水,完成後通知管理處',
      deadlineAt: '2026-11-12T10:00:00.000Z',
    });
    expect(issued.status, JSON.stringify(issued.body)).toBe(201);
    expect(issued.body).toMatchObject({
      code: '2026-0001',
      number: 1,
      year: 2026,
      status: 'issued',
      caseId,
      unit: { id: world.unit.id, number: '1A', buildingName: 'A座' },
      problem: '浴室天花仍有滲水',
      recipient: { id: fixerId },
      issuedAt: plus(foundAt, 23),
      issuedOnTime: true,
      findingAt: foundAt,
    });
    const noticeDeadline = (await obligationsOf('R-RC-1')).find((o) => o.subjectId === visit?.id);
    expect(noticeDeadline).toMatchObject({ metAt: plus(foundAt, 23), metOnTime: true, state: 'met' });

    // R-RC-2: the maintenance staff acknowledge receipt; then the work is done (R-RC-3).
    const noticeId = issued.body.id;
    const acked = await fixer.post(`/rectification-notices/${noticeId}/acknowledge`, { occurredAt: '2026-11-09T03:00:00.000Z' });
    expect(acked.body).toMatchObject({
      status: 'acknowledged',
      acknowledgedAt: '2026-11-09T03:00:00.000Z',
      acknowledgedBy: { id: fixerId },
    });
    const rectifiedAt = '2026-11-10T09:00:00.000Z';
    const rectified = await fixer.post(`/rectification-notices/${noticeId}/rectified`, { occurredAt: rectifiedAt, note: '已重做防水' });
    expect(rectified.status, JSON.stringify(rectified.body)).toBe(200);
    expect(rectified.body).toMatchObject({ status: 'rectified', rectifiedAt, nextFollowUpId: expect.any(String) });

    // R-RC-3: a new follow-up by R-FU-1 for the same class (leak: 72 h).
    list = await followUpsOf(caseId);
    const again = list.find((f) => f.kind === 'after_rectification');
    expect(again).toMatchObject({ id: rectified.body.nextFollowUpId, status: 'open', dueAt: plus(rectifiedAt, 72) });
    const ok = await desk.post(`/follow-ups/${again?.id}/record`, {
      occurredAt: '2026-11-12T02:00:00.000Z',
      method: 'phone',
      result: 'ok',
      residentWords: '已經乾晒,多謝你哋',
      satisfaction: 5,
    });
    expect(ok.body).toMatchObject({ status: 'done', result: 'ok', metOnTime: true });
    expect(list.find((f) => f.kind === 'after_rain')?.status).toBe('awaiting_rain');

    // R-FU-2, R-FU-3: rain comes; the after-rain visit is due 48 h after it ends.
    const rain = await desk.post(`/estates/${estateId}/rain-events`, {
      startedAt: '2026-11-15T00:00:00.000Z',
      endedAt: '2026-11-15T06:00:00.000Z',
      amountMm: 35,
      note: '黃色暴雨警告',
    });
    expect(rain.status, JSON.stringify(rain.body)).toBe(201);
    expect(rain.body).toMatchObject({ source: 'manual', followUpsOpened: 1, recordedBy: { id: deskId } });
    // The same rain recorded again by a colleague, overlapping: still one after-rain follow-up.
    const overlap = await desk.post(`/estates/${estateId}/rain-events`, {
      startedAt: '2026-11-15T03:00:00.000Z',
      endedAt: '2026-11-15T09:00:00.000Z',
    });
    expect(overlap.body.followUpsOpened).toBe(0);
    list = await followUpsOf(caseId);
    const dueAfterRain = list.filter((f) => f.kind === 'after_rain');
    expect(dueAfterRain).toHaveLength(1);
    expect(dueAfterRain[0]).toMatchObject({ status: 'open', dueAt: '2026-11-17T06:00:00.000Z' });

    t.clock.set('2026-11-16T00:00:00.000Z');
    const dueToday = await desk.get(`/estates/${estateId}/follow-ups?queue=open`);
    expect(dueToday.body.items.map((f: { id: string }) => f.id)).toEqual([dueAfterRain[0]?.id]);
    const met = await desk.post(`/follow-ups/${dueAfterRain[0]?.id}/record`, {
      occurredAt: '2026-11-16T00:00:00.000Z',
      method: 'visit',
      result: 'ok',
      residentWords: '落完大雨都冇漏',
      satisfaction: 5,
    });
    expect(met.body).toMatchObject({ status: 'done', state: 'met', metOnTime: true, rainEvent: { id: rain.body.id } });
    for (const rule of ['R-FU-1', 'R-FU-2', 'R-RC-1', 'R-RC-2']) {
      for (const o of await obligationsOf(rule)) expect(o, rule).toMatchObject({ state: 'met', metOnTime: true });
    }
    expect((await obligationsOf('R-FU-2')).length).toBe(1);

    // Every word is on the case's timeline and searchable; the history chain holds.
    const detail = await desk.get(`/cases/${caseId}`);
    const types = detail.body.timeline.map((e: { type: string }) => e.type);
    expect(types.filter((x: string) => x === 'follow_up')).toHaveLength(3);
    expect(types).toContain('rectification_notice');
    const found = await desk.get(`/estates/${estateId}/cases/search?q=${encodeURIComponent('滴落')}`);
    expect(found.body.items.map((c: { id: string }) => c.id)).toContain(caseId);
    expect((await verifyHistory(t.ctx.db)).ok).toBe(true);
  });

  it('[R-FU-2] rain that started before completion does not count; the next rain does; an earlier rain entered late takes over', async () => {
    const completedAt = '2026-11-20T09:00:00.000Z';
    const caseId = await completedRepair('leak', completedAt);
    const spanning = await desk.post(`/estates/${estateId}/rain-events`, {
      startedAt: '2026-11-20T08:00:00.000Z',
      endedAt: '2026-11-20T12:00:00.000Z',
    });
    expect(spanning.body.followUpsOpened).toBe(0);
    expect((await followUpsOf(caseId)).find((f) => f.kind === 'after_rain')?.status).toBe('awaiting_rain');

    const later = await desk.post(`/estates/${estateId}/rain-events`, {
      startedAt: '2026-11-25T00:00:00.000Z',
      endedAt: '2026-11-25T04:00:00.000Z',
    });
    expect(later.body.followUpsOpened).toBe(1);
    expect((await followUpsOf(caseId)).find((f) => f.kind === 'after_rain')?.dueAt).toBe('2026-11-27T04:00:00.000Z');
    // A rain on the 22nd, typed in late, is the first rain after completion.
    await desk.post(`/estates/${estateId}/rain-events`, { startedAt: '2026-11-22T00:00:00.000Z', endedAt: '2026-11-22T02:00:00.000Z' });
    const afterRain = (await followUpsOf(caseId)).filter((f) => f.kind === 'after_rain');
    expect(afterRain).toHaveLength(1);
    expect(afterRain[0]?.dueAt).toBe('2026-11-24T02:00:00.000Z');
    const open = (await obligationsOf('R-FU-2')).filter((o) => o.state !== 'met' && o.state !== 'cancelled');
    expect(open.map((o) => o.dueAt)).toEqual(['2026-11-24T02:00:00.000Z']);
  });

  it('[R-FU-2] a leak completion entered after the rain is on record is due at once', async () => {
    await desk.post(`/estates/${estateId}/rain-events`, { startedAt: '2026-11-21T00:00:00.000Z', endedAt: '2026-11-21T05:00:00.000Z' });
    const caseId = await completedRepair('leak', '2026-11-20T09:00:00.000Z');
    expect((await followUpsOf(caseId)).find((f) => f.kind === 'after_rain')).toMatchObject({
      status: 'open',
      dueAt: '2026-11-23T05:00:00.000Z',
    });
  });

  it('[R-FU-3] the Observatory feed and a CSV import: a second import of the same file adds nothing', async () => {
    const caseId = await completedRepair('leak', '2026-11-20T09:00:00.000Z');
    const hko = JSON.stringify(
      ['2026-11-22T13:45:00+08:00', '2026-11-22T14:45:00+08:00', '2026-11-22T15:45:00+08:00'].map((start, i) => ({
        rainfall: {
          data: [
            { unit: 'mm', place: 'Sha Tin', max: [6, 12, 0][i], main: 'FALSE' },
            { unit: 'mm', place: 'Tai Po', max: 1, main: 'FALSE' },
          ],
          startTime: start,
          endTime: new Date(new Date(start).getTime() + H).toISOString(),
        },
      })),
    );
    const preview = await desk.post(`/estates/${estateId}/rain-events/import`, {
      format: 'hko-json',
      contentBase64: b64(hko),
      place: 'Sha Tin',
      dryRun: true,
    });
    expect(preview.body).toMatchObject({
      created: 0,
      dryRun: true,
      events: [{ startedAt: '2026-11-22T05:45:00.000Z', endedAt: '2026-11-22T07:45:00.000Z', amountMm: 18 }],
    });
    const first = await desk.post(`/estates/${estateId}/rain-events/import`, {
      format: 'hko-json',
      contentBase64: b64(hko),
      place: 'Sha Tin',
      fileName: 'rhrread.json',
    });
    expect(first.body).toMatchObject({ created: 1, duplicates: 0, followUpsOpened: 1 });
    const second = await desk.post(`/estates/${estateId}/rain-events/import`, {
      format: 'hko-json',
      contentBase64: b64(hko),
      place: 'Sha Tin',
    });
    expect(second.body).toMatchObject({ created: 0, duplicates: 1, followUpsOpened: 0 });
    expect((await followUpsOf(caseId)).filter((f) => f.kind === 'after_rain')).toHaveLength(1);
    const rains = await desk.get(`/estates/${estateId}/rain-events`);
    expect(rains.body.items).toMatchObject([{ source: 'hko', note: 'rhrread.json', followUpsOpened: 1, amountMm: 18 }]);

    const bad = await desk.post(`/estates/${estateId}/rain-events/import`, {
      format: 'csv',
      contentBase64: b64('time,rainfall_mm\n2026-11-23 10:00,abc\n'),
    });
    expect(bad.status).toBe(422);
    expect(bad.body.error.details.errors[0]).toMatchObject({ row: 2, column: 'rainfall_mm' });
    const csv = await desk.post(`/estates/${estateId}/rain-events/import`, {
      format: 'csv',
      contentBase64: b64('time,rainfall_mm\n2026-11-23 10:00,4\n2026-11-23 11:00,2\n'),
    });
    expect(csv.body).toMatchObject({ created: 1, followUpsOpened: 0 });
    const future = await desk.post(`/estates/${estateId}/rain-events`, {
      startedAt: '2026-12-11T00:00:00.000Z',
      endedAt: '2026-12-11T02:00:00.000Z',
    });
    expect(future.status).toBe(400);
    expect(future.body.error.details.field).toBe('startedAt');
    const backwards = await desk.post(`/estates/${estateId}/rain-events`, {
      startedAt: '2026-11-23T02:00:00.000Z',
      endedAt: '2026-11-23T01:00:00.000Z',
    });
    expect(backwards.status).toBe(400);
    expect(backwards.body.error.details.issues[0].path).toBe('body.endedAt');
  });

  it('[R-FU-4] unreachable only after attempts; maintenance staff do not follow up their own work; an awaiting-rain visit cannot be recorded', async () => {
    const caseId = await completedRepair('safety', '2026-12-09T01:00:00.000Z', '走火通道門鎖損壞');
    const [visit] = await followUpsOf(caseId);
    expect(visit).toMatchObject({ dueAt: '2026-12-11T01:00:00.000Z' });
    const early = await desk.post(`/follow-ups/${visit?.id}/record`, { method: 'phone', result: 'unreachable' });
    expect(early.status).toBe(422);
    expect(early.body.error).toMatchObject({ code: 'followup.unreachable_needs_attempts', details: { field: 'attempts', needed: 3 } });
    for (const at of ['2026-12-09T03:00:00.000Z', '2026-12-09T08:00:00.000Z']) {
      const attempt = await desk.post(`/follow-ups/${visit?.id}/attempts`, { occurredAt: at, method: 'phone', note: '無人接聽' });
      expect(attempt.status).toBe(200);
    }
    const ownWork = await fixer.post(`/follow-ups/${visit?.id}/record`, {
      method: 'phone',
      result: 'ok',
      residentWords: '好',
      satisfaction: 5,
    });
    expect(ownWork.status).toBe(403);
    const missingWords = await desk.post(`/follow-ups/${visit?.id}/record`, { method: 'phone', result: 'ok' });
    expect(missingWords.status).toBe(400);
    expect(missingWords.body.error.details.issues.map((i: { path: string }) => i.path)).toEqual([
      'body.residentWords',
      'body.satisfaction',
    ]);
    const before = await desk.post(`/follow-ups/${visit?.id}/record`, {
      occurredAt: '2026-12-08T00:00:00.000Z',
      method: 'phone',
      result: 'unreachable',
    });
    expect(before.status).toBe(400);
    expect(before.body.error.details.field).toBe('occurredAt');
    const unreachable = await desk.post(`/follow-ups/${visit?.id}/record`, { method: 'visit', result: 'unreachable' });
    expect(unreachable.status, JSON.stringify(unreachable.body)).toBe(200);
    expect(unreachable.body.attempts).toHaveLength(2);
    expect(unreachable.body).toMatchObject({ result: 'unreachable', status: 'done', state: 'met' });
    const twice = await desk.post(`/follow-ups/${visit?.id}/record`, { method: 'visit', result: 'unreachable' });
    expect(twice.body.error.code).toBe('followup.already_recorded');

    const leak = await completedRepair('leak', '2026-12-09T02:00:00.000Z');
    const afterRain = (await followUpsOf(leak)).find((f) => f.kind === 'after_rain');
    const tooSoon = await desk.post(`/follow-ups/${afterRain?.id}/record`, {
      method: 'visit',
      result: 'ok',
      residentWords: '好',
      satisfaction: 5,
    });
    expect(tooSoon.status).toBe(422);
    expect(tooSoon.body.error.code).toBe('followup.awaiting_rain');
  });

  it('[R-FU-1] an overdue follow-up is escalated to the manager once, and shows in the overdue queue', async () => {
    const caseId = await completedRepair('safety', '2026-12-07T01:00:00.000Z', '消防喉轆漏水');
    const [visit] = await followUpsOf(caseId);
    expect(visit).toMatchObject({ dueAt: '2026-12-09T01:00:00.000Z', state: 'overdue' });
    const overdue = await desk.get(`/estates/${estateId}/follow-ups?queue=overdue`);
    expect(overdue.body.items.map((f: { id: string }) => f.id)).toEqual([visit?.id]);
    expect((await sweep(t.ctx)).breached).toBeGreaterThanOrEqual(1);
    expect((await sweep(t.ctx)).breached).toBe(0);
    const escalated = await boss.get(`/estates/${estateId}/obligations?queue=escalated&rule=R-FU-1`);
    expect(escalated.body.items).toMatchObject([{ subjectId: visit?.id, escalatedTo: { name: expect.any(String) } }]);
    const notices = await boss.get('/notices');
    expect(notices.body.items.filter((n: { kind: string }) => n.kind === 'obligation.breached')).toHaveLength(1);
    const summary = await boss.get(`/estates/${estateId}/follow-ups/summary`);
    expect(summary.body.byClass.find((c: { repairClass: string }) => c.repairClass === 'safety')).toMatchObject({ overdue: 1, open: 1 });
  });

  it('[R-FU-1] the dashboard counts follow-ups by class: to do, overdue, due before the day ends, and leaks awaiting rain', async () => {
    await completedRepair('safety', '2026-12-07T01:00:00.000Z', '走火通道燈不亮');
    await completedRepair('other', '2026-12-01T01:00:00.000Z', '信箱門鬆脫');
    await completedRepair('other', '2026-12-05T01:00:00.000Z', '大堂門鐘');
    await completedRepair('leak', '2026-12-08T02:00:00.000Z', '浴室天花滲水');
    const asOf = '2026-12-09T00:00:00.000Z'; // 08:00 in Hong Kong; the day ends at 16:00 UTC
    const summary = await boss.get(`/estates/${estateId}/follow-ups/summary?asOf=${asOf}`);
    expect(summary.status).toBe(200);
    // Safety due 9 Dec 01:00 (today); the first other due 8 Dec (overdue), the second 12 Dec;
    // the leak's visit due 11 Dec, its after-rain visit waiting for rain.
    expect(summary.body.byClass).toEqual([
      { repairClass: 'safety', open: 1, overdue: 0, dueToday: 1 },
      { repairClass: 'leak', open: 1, overdue: 0, dueToday: 0 },
      { repairClass: 'other', open: 2, overdue: 1, dueToday: 0 },
    ]);
    expect(summary.body.awaitingRain).toBe(1);
  });

  /** A completed repair whose follow-up visit found a problem; returns the follow-up's id. */
  async function problemFollowUp(description: string) {
    const caseId = await completedRepair('other', '2026-12-01T01:00:00.000Z', description);
    const [visit] = await followUpsOf(caseId);
    const recorded = await desk.post(`/follow-ups/${visit?.id}/record`, {
      method: 'visit',
      result: 'problem',
      residentWords: '仲未整好',
      satisfaction: 2,
      problem: `${description}仍未修妥`,
    });
    expect(recorded.status, JSON.stringify(recorded.body)).toBe(200);
    return visit?.id as string;
  }

  it('[R-RC-2] 20 notices for 20 findings issued at once get the numbers 1..20, none repeated, none missing', async () => {
    const findings: string[] = [];
    for (let i = 0; i < 20; i++) findings.push(await problemFollowUp(`大堂玻璃門${i + 1}`));
    const answers = await Promise.all(
      findings.map((followUpId, i) =>
        desk.post(`/estates/${estateId}/rectification-notices`, {
          followUpId,
          requiredAction: `第${i + 1}項整改`,
          deadlineAt: '2026-12-20T00:00:00.000Z',
        }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(201));
    const numbers = answers.map((a) => a.body.number as number).sort((x, y) => x - y);
    expect(numbers).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    const rows = await t.ctx.db.selectFrom('rectification_notices').select('number').where('estate_id', '=', estateId).execute();
    expect(new Set(rows.map((r) => Number(r.number))).size).toBe(20);
  });

  it('[R-RC-1] two clicks issue one numbered notice per finding: the repeat answers the first (200), also when 10 arrive at once', async () => {
    const followUpId = await problemFollowUp('窗邊滲水');
    const body = { followUpId, requiredAction: '重做窗邊防水膠', deadlineAt: '2026-12-20T00:00:00.000Z' };
    const first = await desk.post(`/estates/${estateId}/rectification-notices`, body);
    expect(first.status).toBe(201);
    const again = await desk.post(`/estates/${estateId}/rectification-notices`, { ...body, requiredAction: '再寫一次' });
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);

    const other = await problemFollowUp('天台去水位淤塞');
    const burst = await Promise.all(
      Array.from({ length: 10 }, () =>
        desk.post(`/estates/${estateId}/rectification-notices`, { ...body, followUpId: other, requiredAction: '清理去水位' }),
      ),
    );
    expect(burst.map((a) => a.status).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 200, 201]);
    expect(new Set(burst.map((a) => a.body.id)).size).toBe(1);
    expect(burst[0]?.body.number).toBe(2);
    const rows = await t.ctx.db.selectFrom('rectification_notices').select('number').where('estate_id', '=', estateId).execute();
    expect(rows.map((r) => Number(r.number)).sort()).toEqual([1, 2]);
  });

  it('[R-RC-2] a request retried with the same Idempotency-Key answers the notice the first one issued and takes no second number', async () => {
    const followUpId = await problemFollowUp('外牆剝落');
    const key = '0b6c1a52-3f1e-4a8e-9d4b-7c2f5e8a1d90';
    const issue = (body: object, idempotencyKey = key) =>
      desk.request('POST', `/estates/${estateId}/rectification-notices`, body, { headers: { 'idempotency-key': idempotencyKey } });
    const body = { followUpId, requiredAction: '修補外牆', deadlineAt: '2026-12-20T00:00:00.000Z' };
    const twins = await Promise.all([issue(body), issue(body), issue(body)]);
    expect(twins.map((a) => a.status).sort()).toEqual([200, 200, 201]);
    expect(twins[1]?.body).toEqual(twins[0]?.body);
    expect(twins[2]?.body).toEqual(twins[0]?.body);
    // Even after the notice is voided, the key still names it: a late retry issues nothing new.
    expect((await boss.post(`/rectification-notices/${twins[0]?.body.id}/void`, { reason: '寫錯' })).status).toBe(200);
    const late = await issue(body);
    expect(late.status).toBe(200);
    expect(late.body).toMatchObject({ id: twins[0]?.body.id, status: 'void' });
    const stored = await t.ctx.db
      .withTables<{ idempotency_keys: { key: string; operation: string; record_id: string } }>()
      .selectFrom('idempotency_keys')
      .select(['key', 'operation', 'record_id'])
      .execute();
    expect(stored).toEqual([{ key, operation: 'issueRectificationNotice', record_id: twins[0]?.body.id }]);
    // The same key for another finding is a client error, named.
    const elsewhere = await issue({ ...body, followUpId: await problemFollowUp('信箱損壞') });
    expect(elsewhere.status).toBe(422);
    expect(elsewhere.body.error).toMatchObject({ code: 'request.idempotency_key_reused', details: { field: 'Idempotency-Key' } });
    const bad = await issue(body, 'short');
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.issues[0].path).toBe('headers.idempotency-key');
    const rows = await t.ctx.db.selectFrom('rectification_notices').select('number').where('estate_id', '=', estateId).execute();
    expect(rows.map((r) => Number(r.number))).toEqual([1]);
  });

  it('[R-RC-1] the database holds one live notice per finding: a second live row is refused, one after a void is not', async () => {
    const followUpId = await problemFollowUp('門鐘失靈');
    const first = await desk.post(`/estates/${estateId}/rectification-notices`, {
      followUpId,
      requiredAction: '更換門鐘',
      deadlineAt: '2026-12-20T00:00:00.000Z',
    });
    const row = await t.ctx.db.selectFrom('rectification_notices').selectAll().where('id', '=', first.body.id).executeTakeFirstOrThrow();
    const copy = { ...row, id: `${row.id.slice(0, -4)}ffff`, number: 99 };
    await expect(t.ctx.db.insertInto('rectification_notices').values(copy).execute()).rejects.toThrow(/unique/i);
    await t.ctx.db.updateTable('rectification_notices').set({ voided_at: NOW }).where('id', '=', row.id).execute();
    await t.ctx.db.insertInto('rectification_notices').values(copy).execute();
  });

  it('[R-RC-2] a notice is voided with a reason and keeps its number; the next one continues; it prints as one A4 page with 整改', async () => {
    const caseId = await completedRepair('leak', '2026-12-01T01:00:00.000Z');
    const [visit] = (await followUpsOf(caseId)).filter((f) => f.kind === 'repair');
    await desk.post(`/follow-ups/${visit?.id}/record`, {
      method: 'visit',
      result: 'problem',
      residentWords: '仲有水',
      satisfaction: 1,
      problem: '窗邊滲水',
    });
    const noFinding = await desk.post(`/estates/${estateId}/rectification-notices`, {
      requiredAction: 'x',
      deadlineAt: '2026-12-20T00:00:00.000Z',
    });
    expect(noFinding.status).toBe(400);
    // The number the next notice takes is shown before issuing, and reading it takes none.
    const peek = await desk.get(`/estates/${estateId}/rectification-notices/next-number`);
    expect(peek.body).toEqual({ year: 2026, code: '2026-0001' });
    expect((await desk.get(`/estates/${estateId}/rectification-notices/next-number`)).body.code).toBe('2026-0001');
    expect((await fixer.get(`/estates/${estateId}/rectification-notices/next-number`)).status).toBe(403);
    const nextYear = await desk.get(`/estates/${estateId}/rectification-notices/next-number?at=2027-01-01T00:00:00.000Z`);
    expect(nextYear.body).toEqual({ year: 2027, code: '2027-0001' });
    const first = await desk.post(`/estates/${estateId}/rectification-notices`, {
      followUpId: visit?.id,
      requiredAction: '重做窗邊防水膠',
      deadlineAt: '2026-12-20T00:00:00.000Z',
    });
    expect(first.body.code).toBe('2026-0001');
    expect((await desk.post(`/rectification-notices/${first.body.id}/void`, { reason: '寫錯' })).status).toBe(403);
    const notYet = await fixer.post(`/rectification-notices/${first.body.id}/rectified`, {});
    expect(notYet.body.error.code).toBe('notice.not_acknowledged');
    const voided = await boss.post(`/rectification-notices/${first.body.id}/void`, { reason: '維修人員寫錯' });
    expect(voided.body).toMatchObject({ status: 'void', voidReason: '維修人員寫錯', number: 1 });
    expect((await desk.get(`/estates/${estateId}/rectification-notices/next-number`)).body.code).toBe('2026-0002');
    const second = await desk.post(`/estates/${estateId}/rectification-notices`, {
      followUpId: visit?.id,
      requiredAction: '重做窗邊防水膠',
      deadlineAt: '2026-12-20T00:00:00.000Z',
    });
    expect(second.body.code).toBe('2026-0002');
    const list = await desk.get(`/estates/${estateId}/rectification-notices?status=all`);
    expect(list.body.items.map((n: { code: string; status: string }) => [n.code, n.status])).toEqual([
      ['2026-0002', 'issued'],
      ['2026-0001', 'void'],
    ]);
    const unacked = await desk.get(`/estates/${estateId}/rectification-notices?status=unacknowledged`);
    expect(unacked.body.total).toBe(1);

    const pdf = await t.app.inject({
      method: 'GET',
      url: `/api/v1/rectification-notices/${second.body.id}/pdf`,
      headers: { cookie: desk.cookie ?? '' },
    });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const { pages, text } = await pdfText(pdf.rawPayload);
    expect(pages).toBe(1);
    expect(text).toContain('2026-0002');
    expect(text).toContain('整改');
    expect(text).toContain('A座 1A');
    expect(text).toContain('窗邊滲水');
    expect(text).toContain(world.estate.name);
  });

  it('[R-FU-5] the monthly spot check: opened by the sweep, due the 7th; 25 follow-ups give 3; drawing again gives the same 3; verdicts complete it', async () => {
    // An estate on the system since September: 25 follow-ups done in October (Hong Kong time);
    // one at 00:30 on 1 November there is November's.
    await t.ctx.db.updateTable('estates').set({ created_at: '2026-09-01T00:00:00.000Z' }).where('id', '=', estateId).execute();
    t.clock.set('2026-10-31T12:00:00.000Z');
    const ids: string[] = [];
    for (let i = 0; i < 26; i++) {
      const caseId = await completedRepair('other', `2026-10-${String(2 + (i % 25)).padStart(2, '0')}T01:00:00.000Z`, `第${i}號維修`);
      const [visit] = await followUpsOf(caseId);
      ids.push(visit?.id as string);
    }
    for (const [i, id] of ids.entries()) {
      const occurredAt = i === 25 ? '2026-10-31T16:30:00.000Z' : `2026-10-${String(3 + (i % 25)).padStart(2, '0')}T01:00:00.000Z`;
      if (i === 25) t.clock.set('2026-11-01T00:00:00.000Z');
      const res = await desk.post(`/follow-ups/${id}/record`, {
        occurredAt,
        method: 'phone',
        result: 'ok',
        residentWords: '滿意',
        satisfaction: 4,
      });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
    }
    const early = await boss.post(`/estates/${estateId}/spot-checks`, { month: '2026-11' });
    expect(early.body.error).toMatchObject({ code: 'followup.month_not_over', details: { field: 'month' } });

    // The sweep opens October's check on the 1st, due the end of the 7th in Hong Kong.
    t.clock.set('2026-11-02T00:00:00.000Z');
    await sweep(t.ctx);
    const [check] = await obligationsOf('R-FU-5');
    expect(check).toMatchObject({ dueAt: '2026-11-07T15:59:59.999Z', state: 'open' });
    expect((await desk.post(`/estates/${estateId}/spot-checks`, { month: '2026-10' })).status).toBe(403);

    // Before drawing, the manager is shown the month and how many would be drawn; nothing is drawn.
    const preview = await boss.get(`/estates/${estateId}/spot-checks/preview?month=2026-10`);
    expect(preview.body).toEqual({
      month: '2026-10',
      timeZone: 'Asia/Hong_Kong',
      population: 25,
      sampleSize: 3,
      alreadyDrawn: false,
      monthOver: true,
      dueAt: '2026-11-07T15:59:59.999Z',
    });
    expect((await boss.get(`/estates/${estateId}/spot-checks/preview`)).body.month).toBe('2026-10');
    expect((await boss.get(`/estates/${estateId}/spot-checks/preview?month=2026-11`)).body).toMatchObject({
      monthOver: false,
      population: 1,
    });
    expect((await desk.get(`/estates/${estateId}/spot-checks/preview?month=2026-10`)).status).toBe(403);
    expect((await boss.get(`/estates/${estateId}/spot-checks?year=2026`)).body.items[0]).toMatchObject({ status: 'pending', seed: null });

    const drawn = await boss.post(`/estates/${estateId}/spot-checks`, { month: '2026-10', seed: 'oct-2026' });
    expect(drawn.status, JSON.stringify(drawn.body)).toBe(201);
    expect(drawn.body).toMatchObject({
      month: '2026-10',
      seed: 'oct-2026',
      population: 25,
      sampleSize: 3,
      status: 'drawn',
      alreadyDrawn: false,
    });
    expect(drawn.body.items).toHaveLength(3);
    for (const item of drawn.body.items) expect(ids.slice(0, 25)).toContain(item.followUp.id);
    const again = await boss.post(`/estates/${estateId}/spot-checks`, { month: '2026-10', seed: 'another-seed' });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ seed: 'oct-2026', alreadyDrawn: true });
    expect((await boss.get(`/estates/${estateId}/spot-checks/preview?month=2026-10`)).body).toMatchObject({
      alreadyDrawn: true,
      population: 25,
      sampleSize: 3,
    });
    expect(again.body.items.map((i: { followUp: { id: string } }) => i.followUp.id)).toEqual(
      drawn.body.items.map((i: { followUp: { id: string } }) => i.followUp.id),
    );

    const [first, second, third] = drawn.body.items as { id: string; followUp: { id: string } }[];
    const confirmed = await boss.post(`/spot-check-items/${first?.id}/verdict`, { verdict: 'confirmed' });
    expect(confirmed.body.status).toBe('drawn');
    expect((await boss.post(`/spot-check-items/${first?.id}/verdict`, { verdict: 'confirmed' })).body.error.code).toBe(
      'followup.verdict_recorded',
    );
    const discrepancy = await boss.post(`/spot-check-items/${second?.id}/verdict`, {
      verdict: 'discrepancy',
      note: '業戶說沒有人打來',
      problemFound: true,
    });
    expect(discrepancy.status).toBe(200);
    const flagged = await desk.get(`/follow-ups/${second?.followUp.id}`);
    expect(flagged.body.flag).toMatchObject({ note: '業戶說沒有人打來' });
    const deskNotices = await desk.get('/notices');
    expect(deskNotices.body.items.map((n: { kind: string }) => n.kind)).toContain('followup.flagged');
    // R-RC-1 from a spot check: a notice is due within 24 h of the finding.
    const fromCheck = await desk.post(`/estates/${estateId}/rectification-notices`, {
      spotCheckItemId: second?.id,
      problem: '回訪紀錄與業戶所述不符,門鎖仍壞',
      requiredAction: '再次檢查門鎖',
      deadlineAt: '2026-11-05T00:00:00.000Z',
    });
    expect(fromCheck.status, JSON.stringify(fromCheck.body)).toBe(201);
    expect(fromCheck.body).toMatchObject({ spotCheckItemId: second?.id, issuedOnTime: true });
    const done = await boss.post(`/spot-check-items/${third?.id}/verdict`, { verdict: 'unreachable' });
    expect(done.body).toMatchObject({ status: 'complete', state: 'met' });
    const [met] = await obligationsOf('R-FU-5');
    expect(met).toMatchObject({ state: 'met', metOnTime: true });
    const summary = await boss.get(`/estates/${estateId}/follow-ups/summary`);
    expect(summary.body.spotCheck).toMatchObject({ month: '2026-10', status: 'complete' });
  });

  /** A repair whose follow-up found a problem, and the rectification notice issued for it to `recipientId`. */
  async function problemNotice(recipientId: string, problem = '門鉸鬆脫') {
    const caseId = await completedRepair('other', '2026-12-01T01:00:00.000Z', '大堂門鉸損壞');
    const [visit] = await followUpsOf(caseId);
    const recorded = await desk.post(`/follow-ups/${visit?.id}/record`, {
      method: 'visit',
      result: 'problem',
      residentWords: '門仍然歪',
      satisfaction: 2,
      problem,
    });
    expect(recorded.status, JSON.stringify(recorded.body)).toBe(200);
    const issued = await desk.post(`/estates/${estateId}/rectification-notices`, {
      followUpId: visit?.id,
      requiredAction: '更換門鉸',
      deadlineAt: '2026-12-20T00:00:00.000Z',
      recipientId,
    });
    expect(issued.status, JSON.stringify(issued.body)).toBe(201);
    return issued.body as { id: string; code: string };
  }

  it('maintenance staff cannot record a follow-up or an attempt of one: 403 naming followup.record, and nothing is written', async () => {
    const caseId = await completedRepair('safety', '2026-12-09T01:00:00.000Z', '後樓梯燈不亮');
    const [visit] = await followUpsOf(caseId);
    const recorded = await fixer.post(`/follow-ups/${visit?.id}/record`, {
      method: 'phone',
      result: 'ok',
      residentWords: '好',
      satisfaction: 5,
    });
    expect(recorded.status).toBe(403);
    expect(recorded.body.error).toMatchObject({ code: 'auth.forbidden', details: { ability: 'followup.record', role: 'maintenance' } });
    const attempt = await fixer.post(`/follow-ups/${visit?.id}/attempts`, { method: 'phone', note: '無人接聽' });
    expect(attempt.status).toBe(403);
    expect(attempt.body.error.details.ability).toBe('followup.record');
    const after = await desk.get(`/follow-ups/${visit?.id}`);
    expect(after.body).toMatchObject({ status: 'open', result: null, attempts: [], performedAt: null });
  });

  it("maintenance staff cannot read another's rectification notice (404, not listed); their own they read, acknowledge and mark rectified", async () => {
    const otherId = (await buildStaff(t, estateId, { username: 'fixer2', role: 'maintenance' })).id;
    const other = await t.as('fixer2');
    const mine = await problemNotice(fixerId, '門鉸鬆脫');
    const theirs = await problemNotice(otherId, '地台去水位淤塞');

    const peek = await other.get(`/rectification-notices/${mine.id}`);
    expect(peek.status).toBe(404);
    expect(JSON.stringify(peek.body)).not.toContain('門鉸鬆脫');
    expect((await other.get(`/rectification-notices/${mine.id}/pdf`)).status).toBe(404);
    expect((await other.post(`/rectification-notices/${mine.id}/acknowledge`, {})).status).toBe(404);
    expect((await other.post(`/rectification-notices/${mine.id}/rectified`, {})).status).toBe(404);
    const otherList = await other.get(`/estates/${estateId}/rectification-notices?status=all`);
    expect(otherList.status).toBe(200);
    expect(otherList.body).toMatchObject({ total: 1, items: [{ id: theirs.id, recipient: { id: otherId } }] });

    const myList = await fixer.get(`/estates/${estateId}/rectification-notices?status=all`);
    expect(myList.body.items.map((n: { id: string }) => n.id)).toEqual([mine.id]);
    const read = await fixer.get(`/rectification-notices/${mine.id}`);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ problem: '門鉸鬆脫', recipient: { id: fixerId } });
    const acked = await fixer.post(`/rectification-notices/${mine.id}/acknowledge`, {});
    expect(acked.status, JSON.stringify(acked.body)).toBe(200);
    expect(acked.body).toMatchObject({ status: 'acknowledged', acknowledgedBy: { id: fixerId } });
    const rectified = await fixer.post(`/rectification-notices/${mine.id}/rectified`, { note: '已更換門鉸' });
    expect(rectified.status, JSON.stringify(rectified.body)).toBe(200);
    expect(rectified.body).toMatchObject({ status: 'rectified', rectifiedBy: { id: fixerId }, nextFollowUpId: expect.any(String) });
    // The office sees both, as they stand.
    const office = await desk.get(`/estates/${estateId}/rectification-notices?status=all`);
    expect(office.body.items.map((n: { id: string; status: string }) => [n.id, n.status])).toEqual([
      [theirs.id, 'issued'],
      [mine.id, 'rectified'],
    ]);
  });

  it("a department member cannot acknowledge someone else's notice (403 notice.acknowledge, the desk may) but may report it rectified", async () => {
    await buildStaff(t, estateId, { username: 'clerk', role: 'department' });
    const clerk = await t.as('clerk');
    const notice = await problemNotice(fixerId);
    const byClerk = await clerk.post(`/rectification-notices/${notice.id}/acknowledge`, {});
    expect(byClerk.status).toBe(403);
    expect(byClerk.body.error).toMatchObject({ code: 'auth.forbidden', details: { ability: 'notice.acknowledge' } });
    const byDesk = await desk.post(`/rectification-notices/${notice.id}/acknowledge`, {});
    expect(byDesk.body).toMatchObject({ status: 'acknowledged', acknowledgedBy: { id: deskId } });
    const rectified = await clerk.post(`/rectification-notices/${notice.id}/rectified`, { note: '師傅已更換' });
    expect(rectified.status, JSON.stringify(rectified.body)).toBe(200);
    expect(rectified.body.status).toBe('rectified');
  });

  it("a receptionist cannot void a notice (403 notice.void) or draw the month's spot check (403 spotcheck.draw); nothing changes", async () => {
    const notice = await problemNotice(fixerId);
    const voiding = await desk.post(`/rectification-notices/${notice.id}/void`, { reason: '寫錯' });
    expect(voiding.status).toBe(403);
    expect(voiding.body.error).toMatchObject({ code: 'auth.forbidden', details: { ability: 'notice.void', role: 'receptionist' } });
    expect((await desk.get(`/rectification-notices/${notice.id}`)).body).toMatchObject({ status: 'issued', voidReason: null });

    const draw = await desk.post(`/estates/${estateId}/spot-checks`, { month: '2026-11', seed: 'desk-seed' });
    expect(draw.status).toBe(403);
    expect(draw.body.error).toMatchObject({ code: 'auth.forbidden', details: { ability: 'spotcheck.draw' } });
    expect(await t.ctx.db.selectFrom('spot_checks').select('id').where('estate_id', '=', estateId).execute()).toEqual([]);
    const byManager = await boss.post(`/estates/${estateId}/spot-checks`, { month: '2026-11', seed: 'boss-seed' });
    expect(byManager.status, JSON.stringify(byManager.body)).toBe(201);
  });
});
