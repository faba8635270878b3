import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildEstate, buildStaff, buildWorld } from '../support/factories.js';
import { ADMIN_PASSWORD, type Client, createTestApp, type Json, type TestApp } from '../support/harness.js';

/**
 * The monthly service report against counts made here from the raw rows: October 2026 in Hong
 * Kong (UTC+8) is 2026-09-30T16:00Z to 2026-10-31T16:00Z. Records are made through the API as
 * the month goes on (the clock moves), with cases that happened earlier entered after the fact.
 */
const START = '2026-09-30T16:00:00.000Z';
const END = '2026-10-31T16:00:00.000Z';
const RULES = ['R-CP-1', 'R-CP-5', 'R-FU-1', 'R-FU-2', 'R-RC-1', 'R-PH-3', 'R-WK-4', 'R-FU-5'];

describe('the monthly service report', () => {
  let t: TestApp;
  let admin: Client;
  beforeEach(async () => {
    t = await createTestApp({ now: '2026-10-01T01:00:00.000Z' });
    admin = t.admin;
  });
  afterEach(() => t.close());

  /** Moves the clock; the admin signs in again, as a session idles out over days. */
  async function moveTo(iso: string) {
    t.clock.set(iso);
    await admin.login('admin', ADMIN_PASSWORD);
  }

  async function post(path: string, body: Json) {
    const res = await admin.post(path, body);
    expect(res.status, `${path}: ${JSON.stringify(res.body)}`).toBeLessThan(300);
    return res.body;
  }

  /** A month of an office's work: every kind and channel, replies on time and late, repairs, visits, messages. */
  async function buildMonth() {
    const world = await buildWorld(t);
    const e = world.estate.id;
    const fixer = await buildStaff(t, e, { role: 'maintenance' });
    const desk = await buildStaff(t, e, { role: 'receptionist' });
    const newCase = (body: Json) => post(`/estates/${e}/cases`, { unitId: world.unit.id, residentName: '陳大文', ...body });
    const at = moveTo;

    // Boundaries: 23:59:59 on 30 September and 00:00 on 1 November (HK) are outside; 00:00 on 1 October is in.
    await newCase({ kind: 'inquiry', channel: 'counter', description: '九月最後一秒', occurredAt: '2026-09-30T15:59:59.000Z' });
    await newCase({ kind: 'inquiry', channel: 'phone', description: '十月第一秒', occurredAt: START });
    const complaints: string[] = [];
    await at('2026-10-02T08:00:00.000Z');
    for (let i = 0; i < 6; i++) {
      const c = await newCase({
        kind: 'complaint',
        channel: i % 2 ? 'hotline' : 'phone',
        description: `噪音投訴 ${i}`,
        occurredAt: `2026-10-02T0${1 + i}:00:00.000Z`,
      });
      complaints.push(c.id);
    }
    // Replies: two on time (within 72 h), two late, two never.
    await at('2026-10-03T00:00:00.000Z');
    await post(`/cases/${complaints[0]}/replies`, { method: 'call', content: '已聯絡樓上住戶' });
    await post(`/cases/${complaints[1]}/replies`, { method: 'visit', content: '上門了解' });

    // Messages: a promise to call back in 20 minutes, one met on time, one late, one never.
    for (let i = 0; i < 3; i++) {
      await at(`2026-10-${String(14 + i).padStart(2, '0')}T03:00:00.000Z`);
      const m = await post(`/estates/${e}/messages`, {
        callerName: `黃先生${i}`,
        callerPhone: '6123 4567',
        unitId: world.unit.id,
        text: '請回電',
        forStaffId: desk.id,
        reason: 'promise',
      });
      if (i < 2) {
        await at(`2026-10-${String(14 + i).padStart(2, '0')}T0${i === 0 ? '3:10' : '4:30'}:00.000Z`);
        await post(`/messages/${m.id}/callback`, { note: '已回電' });
      }
    }
    // Walk-in visits: one received after a minute, one after 12 minutes.
    for (let i = 0; i < 2; i++) {
      await at(`2026-10-${String(18 + i).padStart(2, '0')}T03:00:00.000Z`);
      const v = await post(`/estates/${e}/visits`, { visitorName: `李太${i}`, unitId: world.unit.id, purpose: 'inquiry' });
      await at(`2026-10-${String(18 + i).padStart(2, '0')}T03:${i === 0 ? '01' : '12'}:00.000Z`);
      await post(`/visits/${v.id}/receive`, { receiverId: desk.id });
    }

    await at('2026-10-20T00:00:00.000Z');
    await post(`/cases/${complaints[2]}/replies`, { method: 'call', content: '遲了回覆' });
    await post(`/cases/${complaints[3]}/replies`, { method: 'call', content: '遲了回覆' });
    // Two complaints closed: one satisfied, one closed by the manager without satisfaction.
    await post(`/cases/${complaints[0]}/resolve`, { result: '已處理' });
    await post(`/cases/${complaints[0]}/satisfaction`, { satisfaction: 'satisfied' });
    await post(`/cases/${complaints[0]}/close`, {});
    await post(`/cases/${complaints[1]}/resolve`, { result: '已處理' });
    await post(`/cases/${complaints[1]}/close`, { reason: '業戶拒絕回答' });

    // Repairs of each class, completed: each schedules its follow-up (R-FU-1).
    const repairs: string[] = [];
    for (const [i, repairClass] of (['safety', 'leak', 'other', 'other'] as const).entries()) {
      await at(`2026-10-${String(21 + i).padStart(2, '0')}T02:00:00.000Z`);
      const c = await newCase({ kind: 'repair', channel: i === 3 ? 'counter' : 'phone', repairClass, description: `維修 ${i}` });
      await post(`/cases/${c.id}/repair/start`, { maintenanceStaffId: fixer.id });
      await post(`/cases/${c.id}/repair/complete`, { workDone: '已修妥' });
      repairs.push(c.id);
    }
    // The safety repair's visit late (due 48 h after 21 October 02:00), one other's on time, the rest open.
    const followUpOf = async (caseId: string) =>
      (
        await t.ctx.db
          .selectFrom('followups')
          .select('id')
          .where('case_id', '=', caseId)
          .where('kind', '=', 'repair')
          .executeTakeFirstOrThrow()
      ).id;
    await at('2026-10-24T12:00:00.000Z');
    await post(`/follow-ups/${await followUpOf(repairs[0] as string)}/record`, {
      method: 'phone',
      result: 'ok',
      residentWords: '已修好',
      satisfaction: 5,
    });
    await at('2026-10-25T00:00:00.000Z');
    await post(`/follow-ups/${await followUpOf(repairs[2] as string)}/record`, {
      method: 'visit',
      result: 'ok',
      residentWords: '還可以',
      satisfaction: 3,
    });
    // A call logged.
    await at('2026-10-26T03:00:00.000Z');
    await post(`/estates/${e}/calls`, { callerName: '何生', callerPhone: '6000 0000', purpose: 'inquiry', outcome: 'answered' });
    // The PBX's records (R-PH-5), Asterisk's Master.csv in Hong Kong time: that call answered in 6 s (and
    // logged), one answered after 20 s (not logged), one not answered, and one that rang in September.
    const cdr = (src: string, start: string, answer: string, end: string, disposition: string, id: string) =>
      `"","${src}","201","from-pstn","${src}","SIP/t-1","SIP/201-1","Dial","SIP/201","${start}","${answer}","${end}",30,20,"${disposition}","DOCUMENTATION","${id}",""`;
    const master = [
      cdr('60000000', '2026-10-26 11:00:00', '2026-10-26 11:00:06', '2026-10-26 11:02:00', 'ANSWERED', 'oct-1'),
      cdr('61111111', '2026-10-27 11:00:00', '2026-10-27 11:00:20', '2026-10-27 11:02:00', 'ANSWERED', 'oct-2'),
      cdr('62222222', '2026-10-28 11:00:00', '', '2026-10-28 11:00:30', 'NO ANSWER', 'oct-3'),
      cdr('63333333', '2026-09-30 23:59:55', '2026-10-01 00:00:02', '2026-10-01 00:01:00', 'ANSWERED', 'sep-1'),
    ].join('\n');
    await post(`/estates/${e}/pbx/imports`, {
      format: 'asterisk',
      fileName: 'Master.csv',
      content: Buffer.from(master).toString('base64'),
    });
    // The last second of October is in (the first of November, entered in November below, is not).
    await at('2026-10-31T15:59:59.000Z');
    await newCase({ kind: 'suggestion', channel: 'portal', description: '十月最後一秒', occurredAt: '2026-10-31T15:59:59.000Z' });
    return { world, e };
  }

  /** The report's figures, counted here from the raw rows by the rules' own words. */
  async function countedFromRows(estateId: string, asOf: string) {
    const cases = (await t.ctx.db.selectFrom('cases').selectAll().where('estate_id', '=', estateId).execute()).filter(
      (c) => c.occurred_at >= START && c.occurred_at < END,
    );
    const count = (pick: (c: (typeof cases)[number]) => boolean) => cases.filter(pick).length;
    const obligations = (await t.ctx.db.selectFrom('obligations').selectAll().where('estate_id', '=', estateId).execute()).filter(
      (o) => o.due_at >= START && o.due_at < END && (o.cancelled_at === null || o.cancelled_at > asOf),
    );
    const rules = RULES.map((rule) => {
      const of = obligations.filter((o) => o.rule === rule);
      const met = of.filter((o) => o.met_at !== null && o.met_at <= asOf);
      const onTime = met.filter((o) => Date.parse(o.met_at as string) <= Date.parse(o.due_at)).length;
      const open = of.filter((o) => o.met_at === null || o.met_at > asOf);
      return {
        rule,
        due: of.length,
        onTime,
        late: met.length - onTime,
        open: open.length,
        overdue: open.filter((o) => o.due_at < asOf).length,
        onTimeRate: of.length ? Math.round((onTime / of.length) * 10_000) / 10_000 : null,
      };
    });
    const closed = (await t.ctx.db.selectFrom('cases').selectAll().where('estate_id', '=', estateId).execute()).filter(
      (c) => c.kind === 'complaint' && c.closed_at !== null && c.closed_at >= START && c.closed_at < END,
    );
    const visits = (await t.ctx.db.selectFrom('followups').selectAll().where('estate_id', '=', estateId).execute()).filter(
      (f) => f.performed_at !== null && f.performed_at >= START && f.performed_at < END && f.result !== null,
    );
    const inMonth = (iso: string | null) => iso !== null && iso >= START && iso < END;
    const messages = await t.ctx.db.selectFrom('messages').selectAll().where('estate_id', '=', estateId).execute();
    const walkIns = (await t.ctx.db.selectFrom('visits').selectAll().where('estate_id', '=', estateId).execute()).filter((v) =>
      inMonth(v.arrived_at),
    );
    const calls = (await t.ctx.db.selectFrom('calls').selectAll().where('estate_id', '=', estateId).execute()).filter((c) =>
      inMonth(c.started_at),
    );
    const pbx = (await t.ctx.db.selectFrom('pbx_calls').selectAll().where('estate_id', '=', estateId).execute()).filter((c) =>
      inMonth(c.ringing_at),
    );
    const rings = pbx
      .filter((c) => c.answered_at !== null)
      .map((c) => (Date.parse(c.answered_at as string) - Date.parse(c.ringing_at)) / 1000);
    const phone = {
      calls: pbx.length,
      answered: rings.length,
      answeredInTime: rings.filter((r) => r <= 10).length,
      missed: pbx.filter((c) => c.answered_at === null && ['no_answer', 'busy', 'failed'].includes(c.disposition ?? '')).length,
      inTimeRate: pbx.length ? Math.round((rings.filter((r) => r <= 10).length / pbx.length) * 10_000) / 10_000 : null,
      longestRingSeconds: rings.length ? Math.max(...rings) : null,
      notLogged: pbx.filter((c) => c.answered_at !== null && c.call_log_id === null).length,
    };
    const waits = walkIns.map((v) => (Date.parse(v.received_at as string) - Date.parse(v.arrived_at)) / 60_000).sort((a, b) => a - b);
    return {
      total: cases.length,
      byKind: Object.fromEntries(
        ['inquiry', 'repair', 'fee', 'complaint', 'message', 'praise', 'suggestion'].map((k) => [k, count((c) => c.kind === k)]),
      ),
      byChannel: Object.fromEntries(['counter', 'phone', 'hotline', 'portal'].map((k) => [k, count((c) => c.channel === k)])),
      byRepairClass: Object.fromEntries(
        ['safety', 'leak', 'other'].map((k) => [k, count((c) => c.kind === 'repair' && c.repair_class === k)]),
      ),
      rules,
      complaintsClosed: closed.length,
      satisfied: closed.filter((c) => c.satisfaction === 'satisfied').length,
      closedWithout: closed.filter((c) => c.satisfaction === null).length,
      followUpsRecorded: visits.length,
      averageScore: visits.length ? visits.reduce((n, v) => n + (v.satisfaction ?? 0), 0) / visits.length : null,
      calls: calls.length,
      messages: messages.filter((m) => inMonth(m.taken_at)).length,
      callBacks: messages.filter((m) => inMonth(m.called_back_at)).length,
      visits: walkIns.length,
      maxWaitMinutes: waits.length ? Math.max(...waits) : null,
      waitedOverLimit: waits.filter((w) => w > 5).length,
      phone,
    };
  }

  it('counts every figure of a month as the raw rows do, freezes it when the month ends, and shows a late record as a correction in the next', async () => {
    const { e } = await buildMonth();
    const asOf = t.clock.now().toISOString();
    const live = await admin.get(`/estates/${e}/reports/monthly/2026-10`);
    expect(live.status, JSON.stringify(live.body)).toBe(200);
    expect(live.body).toMatchObject({ month: '2026-10', period: { start: START, end: END }, asOf, frozenAt: null });
    const want = await countedFromRows(e, asOf);
    const f = live.body.figures;
    const byKey = (list: { key: string; count: number }[]) => Object.fromEntries(list.map((x) => [x.key, x.count]));
    expect(f.volumes.total).toBe(want.total);
    expect(want.total).toBe(12);
    expect(byKey(f.volumes.byKind)).toEqual(want.byKind);
    expect(byKey(f.volumes.byChannel)).toEqual(want.byChannel);
    expect(byKey(f.volumes.byRepairClass)).toEqual(want.byRepairClass);
    expect(f.rules).toEqual(want.rules);
    // What was built: six complaints' replies due, two on time and two late; a safety visit on time.
    expect(f.rules.find((r: Json) => r.rule === 'R-CP-1')).toMatchObject({ due: 6, onTime: 2, late: 2, open: 2, overdue: 2 });
    expect(f.rules.find((r: Json) => r.rule === 'R-PH-3')).toMatchObject({ due: 3, onTime: 1, late: 1, open: 1 });
    expect(f.satisfaction).toMatchObject({
      complaintsClosed: want.complaintsClosed,
      satisfied: want.satisfied,
      closedWithout: want.closedWithout,
      followUpsRecorded: want.followUpsRecorded,
      averageScore: want.averageScore,
    });
    expect(f.satisfaction).toMatchObject({ complaintsClosed: 2, satisfied: 1, closedWithout: 1, followUpsRecorded: 2, averageScore: 4 });
    expect(f.desk).toMatchObject({
      calls: want.calls,
      messages: want.messages,
      callBacks: want.callBacks,
      visits: want.visits,
      maxWaitMinutes: want.maxWaitMinutes,
      waitedOverLimit: want.waitedOverLimit,
    });
    expect(f.desk).toMatchObject({ calls: 1, messages: 3, callBacks: 2, visits: 2, maxWaitMinutes: 12, waitedOverLimit: 1 });
    expect(f.phone).toEqual(want.phone);
    expect(f.phone).toEqual({
      calls: 3,
      answered: 2,
      answeredInTime: 1,
      missed: 1,
      inTimeRate: 0.3333,
      longestRingSeconds: 20,
      notLogged: 1,
    });

    // Each figure's records are the records counted.
    for (const [figure, expected] of [
      ['cases.total', want.total],
      ['cases.kind.complaint', want.byKind.complaint],
      ['cases.repairClass.leak', want.byRepairClass.leak],
      ['rules.R-CP-1.late', 2],
      ['rules.R-FU-1.due', want.rules.find((r) => r.rule === 'R-FU-1')?.due],
      ['complaints.satisfied', 1],
      ['followUps.recorded', 2],
      ['desk.callBacks', 2],
      ['desk.waitedOverLimit', 1],
      ['phone.calls', 3],
      ['phone.late', 1],
      ['phone.missed', 1],
      ['phone.notLogged', 1],
    ] as const) {
      const page = await admin.get(`/estates/${e}/reports/monthly/2026-10/records?figure=${figure}&pageSize=200`);
      expect(page.status, `${figure}: ${JSON.stringify(page.body)}`).toBe(200);
      expect(page.body.total, figure).toBe(expected);
      expect(page.body.items.length, figure).toBe(expected);
    }
    const late = await admin.get(`/estates/${e}/reports/monthly/2026-10/records?figure=rules.R-CP-1.late`);
    expect(late.body.items.every((i: Json) => i.type === 'case' && i.caseId && /\d/.test(i.label))).toBe(true);
    const unknown = await admin.get(`/estates/${e}/reports/monthly/2026-10/records?figure=rules.R-XX-1.due`);
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.details.issues[0].path).toBe('query.figure');

    // November: October has ended and is frozen the first time it is read.
    await moveTo('2026-11-03T00:00:00.000Z');
    const frozen = await admin.get(`/estates/${e}/reports/monthly/2026-10`);
    expect(frozen.body.frozenAt).toBe('2026-11-03T00:00:00.000Z');
    expect(frozen.body.figures.rules).toEqual((await countedFromRows(e, '2026-11-03T00:00:00.000Z')).rules);
    await post(`/estates/${e}/cases`, { kind: 'fee', channel: 'counter', description: '十一月第一秒', occurredAt: END });
    // A complaint of October entered late: October's report does not move…
    await post(`/estates/${e}/cases`, {
      kind: 'complaint',
      channel: 'phone',
      description: '遲來的十月投訴',
      occurredAt: '2026-10-15T01:00:00.000Z',
    });
    await moveTo('2026-11-04T00:00:00.000Z');
    const again = await admin.get(`/estates/${e}/reports/monthly/2026-10`);
    expect(again.body).toEqual(frozen.body);
    // …and November's shows the corrections.
    const november = await admin.get(`/estates/${e}/reports/monthly/2026-11`);
    expect(november.body.frozenAt).toBeNull();
    expect(november.body.corrections).toEqual(
      expect.arrayContaining([
        { month: '2026-10', figure: 'volumes.total', frozen: 12, now: 13 },
        { month: '2026-10', figure: 'volumes.byKind.complaint', frozen: 6, now: 7 },
        { month: '2026-10', figure: 'volumes.byChannel.phone', frozen: want.byChannel.phone ?? 0, now: (want.byChannel.phone ?? 0) + 1 },
      ]),
    );
    expect(november.body.trend.at(-2)).toMatchObject({ month: '2026-10', cases: 12 });
    // An explicit asOf counts live, even for an ended month.
    const asked = await admin.get(`/estates/${e}/reports/monthly/2026-10?asOf=2026-11-04T00:00:00.000Z`);
    expect(asked.body).toMatchObject({ frozenAt: null });
    expect(asked.body.figures.volumes.total).toBe(13);
  });

  it('answers the files, the head office, and the sweep now; refuses others and bad input naming the field', async () => {
    const { e } = await buildMonth();
    await moveTo('2026-11-02T00:00:00.000Z');
    const xlsx = await admin.request('GET', `/estates/${e}/reports/monthly/2026-10/xlsx`);
    expect(xlsx.status).toBe(200);
    expect(String(xlsx.headers['content-disposition'])).toMatch(/report-2026-10\.xlsx/);
    const pdf = await admin.request('GET', `/estates/${e}/reports/monthly/2026-10/pdf?locale=en`);
    expect(pdf.status).toBe(200);
    expect(String(pdf.headers['content-type'])).toBe('application/pdf');

    const other = await buildEstate(t);
    const ho = await admin.get('/reports/head-office?month=2026-10');
    expect(ho.status, JSON.stringify(ho.body)).toBe(200);
    expect(ho.body.estates.map((r: Json) => r.estate.id)).toEqual(expect.arrayContaining([e, other.id]));
    expect(ho.body.estates.map((r: Json) => r.rank)).toEqual(ho.body.estates.map((_: Json, i: number) => i + 1));
    expect(ho.body.estates.find((r: Json) => r.estate.id === e).trend).toHaveLength(12);

    // The manager of the other estate sees only theirs; a receptionist may not read reports.
    await buildStaff(t, other.id, { username: 'mgr-other', role: 'manager' });
    const mgr = t.client();
    await mgr.login('mgr-other', ADMIN_PASSWORD);
    expect((await mgr.get('/reports/head-office?month=2026-10')).body.estates.map((r: Json) => r.estate.id)).toEqual([other.id]);
    expect((await mgr.get(`/estates/${e}/reports/monthly/2026-10`)).status).toBe(404);
    await buildStaff(t, e, { username: 'desk-e', role: 'receptionist' });
    const desk = t.client();
    await desk.login('desk-e', ADMIN_PASSWORD);
    expect((await desk.get(`/estates/${e}/reports/monthly/2026-10`)).status).toBe(403);
    expect((await desk.post(`/estates/${e}/sweep`, {})).status).toBe(403);
    const badMonth = await admin.get(`/estates/${e}/reports/monthly/2026-13`);
    expect(badMonth.status).toBe(400);
    expect(JSON.stringify(badMonth.body.error.details)).toContain('month');

    // The sweep now breaches what is past due in the estate and answers it; a second run finds nothing.
    const swept = await admin.post(`/estates/${e}/sweep`, {});
    expect(swept.status, JSON.stringify(swept.body)).toBe(200);
    expect(swept.body.breached).toBeGreaterThan(0);
    expect(swept.body.breaches.length).toBe(swept.body.breached);
    expect(swept.body.breaches.map((b: Json) => b.rule)).toContain('R-CP-1');
    const breachedRows = await t.ctx.db
      .selectFrom('obligations')
      .select('id')
      .where('estate_id', '=', e)
      .where('breached_at', '=', '2026-11-02T00:00:00.000Z')
      .execute();
    expect(breachedRows.length).toBe(swept.body.breached);
    expect((await admin.post(`/estates/${e}/sweep`, {})).body).toMatchObject({ breached: 0, breaches: [] });
  });
});
