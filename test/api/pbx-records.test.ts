import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildEstate, buildStaff } from '../support/factories.js';
import { ADMIN_PASSWORD, type Client, createTestApp, type Json, type TestApp } from '../support/harness.js';

/**
 * R-PH-5: the PBX's call records imported from Asterisk's Master.csv (written here in cdr_csv's
 * documented column order, no header) and from a CSV read by the estate's saved mapping, and the
 * answer times counted from them in the estate's zone (Hong Kong, UTC+8).
 */
const COLUMNS = [
  'accountcode',
  'src',
  'dst',
  'dcontext',
  'clid',
  'channel',
  'dstchannel',
  'lastapp',
  'lastdata',
  'start',
  'answer',
  'end',
  'duration',
  'billsec',
  'disposition',
  'amaflags',
  'uniqueid',
  'userfield',
] as const;

type Cdr = Partial<Record<(typeof COLUMNS)[number], string>>;

/** One Master.csv line as cdr_csv writes it: every text field quoted, quotes doubled; `uniqueid` left off when not given. */
function masterLine(c: Cdr): string {
  const cols = c.uniqueid === undefined ? COLUMNS.slice(0, 16) : COLUMNS;
  return cols
    .map((name) => {
      const v = c[name] ?? '';
      return name === 'duration' || name === 'billsec' ? v || '0' : `"${v.replaceAll('"', '""')}"`;
    })
    .join(',');
}

const seconds = (a: string, b: string) => (Date.parse(`${b.replace(' ', 'T')}+08:00`) - Date.parse(`${a.replace(' ', 'T')}+08:00`)) / 1000;

/** A call as the test means it, and its Master.csv line. */
interface Call {
  name: string | null;
  src: string;
  dst: string;
  start: string;
  answer?: string;
  end: string;
  disposition: 'ANSWERED' | 'NO ANSWER' | 'BUSY' | 'FAILED';
  uniqueid?: string;
  day: string;
}

const CALLS: Call[] = [
  // Within three rings (10 s): 4 s, and exactly 10 s.
  {
    name: '陳大文',
    src: '91234567',
    dst: '201',
    start: '2026-11-10 09:00:00',
    answer: '2026-11-10 09:00:04',
    end: '2026-11-10 09:02:04',
    disposition: 'ANSWERED',
    uniqueid: '1762736400.11',
    day: '2026-11-10',
  },
  {
    name: '李小美',
    src: '62345678',
    dst: '201',
    start: '2026-11-10 10:00:00',
    answer: '2026-11-10 10:00:10',
    end: '2026-11-10 10:01:00',
    disposition: 'ANSWERED',
    uniqueid: '1762740000.12',
    day: '2026-11-10',
  },
  // Late: 25 s.
  {
    name: '黃先生',
    src: '53456789',
    dst: '202',
    start: '2026-11-10 11:00:00',
    answer: '2026-11-10 11:00:25',
    end: '2026-11-10 11:03:00',
    disposition: 'ANSWERED',
    uniqueid: '1762743600.13',
    day: '2026-11-10',
  },
  {
    name: '何太',
    src: '94567890',
    dst: '201',
    start: '2026-11-10 12:00:00',
    end: '2026-11-10 12:00:30',
    disposition: 'NO ANSWER',
    uniqueid: '1762747200.14',
    day: '2026-11-10',
  },
  {
    name: null,
    src: '25678901',
    dst: '202',
    start: '2026-11-10 13:00:00',
    end: '2026-11-10 13:00:02',
    disposition: 'BUSY',
    uniqueid: '1762750800.15',
    day: '2026-11-10',
  },
  // Rings before midnight, answered after: it belongs to the day it rang. 15 s: late.
  {
    name: '張小姐',
    src: '98765432',
    dst: '201',
    start: '2026-11-10 23:59:50',
    answer: '2026-11-11 00:00:05',
    end: '2026-11-11 00:02:00',
    disposition: 'ANSWERED',
    uniqueid: '1762790390.16',
    day: '2026-11-10',
  },
  // No uniqueid column (loguniqueid off): the call's id is made from src, dst and start.
  {
    name: '林生',
    src: '61112222',
    dst: '203',
    start: '2026-11-11 08:30:00',
    answer: '2026-11-11 08:30:03',
    end: '2026-11-11 08:35:00',
    disposition: 'ANSWERED',
    day: '2026-11-11',
  },
];

function masterCsv(calls: Call[]): string {
  return `${calls
    .map((c) =>
      masterLine({
        src: c.src,
        dst: c.dst,
        dcontext: 'from-pstn',
        clid: c.name ? `"${c.name}" <${c.src}>` : c.src,
        channel: `SIP/trunk-0000${c.src.slice(-2)}`,
        dstchannel: `SIP/${c.dst}-0000${c.src.slice(-2)}`,
        lastapp: 'Dial',
        lastdata: `SIP/${c.dst},30`,
        start: c.start,
        answer: c.answer ?? '',
        end: c.end,
        duration: String(seconds(c.start, c.end)),
        billsec: c.answer ? String(seconds(c.answer, c.end)) : '0',
        disposition: c.disposition,
        amaflags: 'DOCUMENTATION',
        ...(c.uniqueid !== undefined && { uniqueid: c.uniqueid, userfield: '' }),
      }),
    )
    .join('\n')}\n`;
}

const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

/** What the test counts from its own calls, as R-PH-5 says. */
function counted(calls: Call[]) {
  const answered = calls.filter((c) => c.answer);
  const ring = answered.map((c) => seconds(c.start, c.answer as string));
  const inTime = ring.filter((s) => s <= 10).length;
  return {
    calls: calls.length,
    answered: answered.length,
    answeredInTime: inTime,
    missed: calls.length - answered.length,
    inTimeRate: calls.length ? Math.round((inTime / calls.length) * 10_000) / 10_000 : null,
    longestRingSeconds: ring.length ? Math.max(...ring) : null,
  };
}

describe('the PBX call-record import and the answer times (R-PH-5)', () => {
  let t: TestApp;
  let manager: Client;
  let e: string;
  let deskStaff: { id: string; name: string };
  beforeEach(async () => {
    t = await createTestApp({ now: '2026-11-20T02:00:00.000Z' });
    e = (await buildEstate(t)).id;
    await buildStaff(t, e, { role: 'manager', username: 'pbx-manager' });
    deskStaff = await buildStaff(t, e, { role: 'receptionist', username: 'pbx-desk' });
    manager = await t.as('pbx-manager', ADMIN_PASSWORD);
    await t.ctx.db
      .insertInto('pbx_extensions')
      .values([
        { estate_id: e, extension: '201', staff_id: deskStaff.id, label: '前台' },
        { estate_id: e, extension: '202', staff_id: null, label: null },
      ])
      .execute();
  });
  afterEach(() => t.close());

  const importFile = (client: Client, estateId: string, body: Json) =>
    client.post(`/estates/${estateId}/pbx/imports`, { format: 'asterisk', fileName: 'Master.csv', ...body });
  const callRows = () => t.ctx.db.selectFrom('pbx_calls').selectAll().where('estate_id', '=', e).execute();

  it('imports Master.csv once, counts the answered-within share by day, extension and person, and adds nothing the second time', async () => {
    const content = base64(masterCsv(CALLS));
    const dry = await importFile(manager, e, { content, dryRun: true });
    expect(dry.status, JSON.stringify(dry.body)).toBe(200);
    expect(dry.body).toEqual({ rows: 7, added: 7, known: 0, errors: [], dryRun: true });
    expect(await callRows()).toHaveLength(0);

    const first = await importFile(manager, e, { content });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body).toEqual({ rows: 7, added: 7, known: 0, errors: [], dryRun: false });
    const rows = await callRows();
    expect(rows).toHaveLength(7);
    const chan = rows.find((r) => r.pbx_call_id === '1762736400.11');
    expect(chan).toMatchObject({
      from_number: '91234567',
      caller_name: '陳大文',
      extension: '201',
      staff_id: deskStaff.id,
      state: 'ended',
      disposition: 'answered',
      ringing_at: '2026-11-10T01:00:00.000Z',
      answered_at: '2026-11-10T01:00:04.000Z',
      duration_seconds: 120,
      source: 'import',
      call_log_id: null,
      callback_message_id: null,
    });
    expect(rows.find((r) => r.pbx_call_id === '1762750800.15')).toMatchObject({ state: 'missed', disposition: 'busy', caller_name: null });
    expect(rows.find((r) => r.pbx_call_id === '1762747200.14')).toMatchObject({ state: 'missed', disposition: 'no_answer' });
    expect(rows.find((r) => r.from_number === '61112222')).toMatchObject({
      extension: '203',
      staff_id: null,
      pbx_call_id: expect.stringMatching(/^cdr-/),
    });
    // The import is one history entry, not one per row; an imported missed call is history, not a call-back.
    const history = await t.ctx.db.selectFrom('history').selectAll().where('entity_type', '=', 'pbx_import').execute();
    expect(history).toHaveLength(1);
    expect(await t.ctx.db.selectFrom('messages').selectAll().where('estate_id', '=', e).execute()).toHaveLength(0);

    const again = await importFile(manager, e, { content });
    expect(again.body).toEqual({ rows: 7, added: 0, known: 7, errors: [], dryRun: false });
    expect(await callRows()).toHaveLength(7);

    const res = await manager.get(`/estates/${e}/pbx/answer-times?from=2026-11-10&to=2026-11-11`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const at = res.body;
    expect(at.limitSeconds).toBe(10);
    const want = counted(CALLS);
    expect(at.total).toEqual({ key: 'total', label: 'total', ...want });
    expect(want).toMatchObject({ calls: 7, answered: 5, answeredInTime: 3, missed: 2, longestRingSeconds: 25 });
    expect(at.byDay.map((d: Json) => d.key)).toEqual(['2026-11-10', '2026-11-11']);
    for (const day of ['2026-11-10', '2026-11-11'])
      expect(at.byDay.find((d: Json) => d.key === day)).toEqual({ key: day, label: day, ...counted(CALLS.filter((c) => c.day === day)) });
    expect(at.byExtension.map((x: Json) => [x.key, x.label, x.calls])).toEqual([
      ['201', '前台', 4],
      ['202', '202', 2],
      ['203', '203', 1],
    ]);
    const person = at.byPerson.find((p: Json) => p.key === deskStaff.id);
    expect(person).toEqual({ key: deskStaff.id, label: deskStaff.name, ...counted(CALLS.filter((c) => c.dst === '201')) });
    expect(at.byPerson.find((p: Json) => p.key === '-')).toMatchObject({ label: '-', calls: 3 });
    expect(at.longestWaits.map((c: Json) => [c.pbxCallId, c.ringSeconds, c.answeredInTime])).toEqual([
      ['1762743600.13', 25, false],
      ['1762790390.16', 15, false],
      ['1762740000.12', 10, true],
      ['1762736400.11', 4, true],
      [expect.stringMatching(/^cdr-/), 3, true],
    ]);
    expect(at.longestWaits[1]).toMatchObject({ callerName: '張小姐', staff: { id: deskStaff.id, name: deskStaff.name } });
    expect(at.notLogged).toBe(5);

    // Only the day after midnight: the call that rang before midnight is not in it.
    const next = await manager.get(`/estates/${e}/pbx/answer-times?from=2026-11-11&to=2026-11-11`);
    expect(next.body.total).toMatchObject({ calls: 1, answered: 1, answeredInTime: 1, missed: 0 });
    // The desk reads the answer times too, and today's on the dashboard: 10 November at 23:59 in Hong Kong.
    const desk = await t.as('pbx-desk');
    const today = await desk.get(`/estates/${e}/front-desk/summary?asOf=2026-11-10T15:59:00.000Z`);
    expect(today.status, JSON.stringify(today.body)).toBe(200);
    const { longestRingSeconds, ...rest } = counted(CALLS.slice(0, 5));
    expect(today.body.phone).toEqual({
      calls: rest.calls,
      answeredInTime: rest.answeredInTime,
      missed: rest.missed,
      inTimeRate: rest.inTimeRate,
      longestRingSeconds,
    });
    expect(today.body.phone).toMatchObject({ calls: 5, answeredInTime: 2, missed: 2, longestRingSeconds: 25 });
    expect((await desk.get(`/estates/${e}/pbx/answer-times?from=2026-11-10&to=2026-11-10`)).status).toBe(200);
    const tooLong = await manager.get(`/estates/${e}/pbx/answer-times?from=2025-01-01&to=2026-11-10`);
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error.details.issues[0].path).toBe('query.to');
  });

  it('refuses a file with a bad row, naming the row and field, and writes nothing; a dry run reports the rows', async () => {
    const lines = masterCsv(CALLS.slice(0, 3)).trimEnd().split('\n');
    lines[1] = (lines[1] as string).replace('"2026-11-10 10:00:00"', '"10/11/2026 ten o\'clock"');
    lines[2] = (lines[2] as string).replace('"53456789"', '""');
    const content = base64(`${lines.join('\n')}\n`);
    const res = await importFile(manager, e, { content });
    expect(res.status, JSON.stringify(res.body)).toBe(422);
    expect(res.body.error.code).toBe('import.invalid_rows');
    expect(res.body.error.details.rows).toEqual([
      { row: 2, field: 'start', message: expect.stringContaining('start') },
      { row: 3, field: 'src', message: 'src: required' },
    ]);
    expect(await callRows()).toHaveLength(0);
    const dry = await importFile(manager, e, { content, dryRun: true });
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({
      rows: 3,
      added: 0,
      errors: [
        { row: 2, field: 'start' },
        { row: 3, field: 'src' },
      ],
      dryRun: true,
    });
    expect(await callRows()).toHaveLength(0);
    const history = await t.ctx.db.selectFrom('history').selectAll().where('entity_type', '=', 'pbx_import').execute();
    expect(history).toHaveLength(0);
  });

  it('reads a CSV through the saved mapping, once one is saved', async () => {
    const csv = [
      'Call ID,Caller,Caller Name,Ext,Started,Ring (s),Result',
      'Y-1001,+852 9123 4567,陳大文,201,12/11/2026 09:00:00,6,Answered',
      'Y-1002,23456789,,202,12/11/2026 09:10:00,,Unanswered',
      'Y-1003,61234567,何太,201,2026-11-12T09:20:00+08:00,14,ANSWERED',
      'Y-1004,61234567,何太,201,12/11/2026 09:30:00,,busy',
    ].join('\r\n');
    const body = { format: 'mapped', fileName: 'yeastar.csv', content: base64(csv) };
    const none = await manager.post(`/estates/${e}/pbx/imports`, body);
    expect(none.status).toBe(422);
    expect(none.body.error.details.field).toBe('format');
    await t.ctx.db
      .insertInto('pbx_settings')
      .values({
        estate_id: e,
        secret: null,
        secret_set_at: null,
        csv_mapping: JSON.stringify({
          callId: 'Call ID',
          from: 'Caller',
          callerName: 'Caller Name',
          extension: 'Ext',
          start: 'Started',
          answer: null,
          end: null,
          ringSeconds: 'Ring (s)',
          disposition: 'Result',
          timeFormat: 'dd/MM/yyyy HH:mm:ss',
        }),
        updated_at: '2026-11-20T02:00:00.000Z',
      })
      .execute();
    // A call the PBX told live already is known: the import leaves it as it is.
    await t.ctx.db
      .insertInto('pbx_calls')
      .values({
        id: '019a0000-0000-7000-8000-00000000abcd',
        estate_id: e,
        pbx_call_id: 'Y-1004',
        from_number: '61234567',
        caller_name: null,
        extension: '201',
        staff_id: deskStaff.id,
        state: 'missed',
        disposition: 'no_answer',
        ringing_at: '2026-11-12T01:30:00.000Z',
        answered_at: null,
        ended_at: null,
        duration_seconds: null,
        source: 'event',
        call_log_id: null,
        callback_message_id: null,
        created_at: '2026-11-12T01:30:00.000Z',
        updated_at: '2026-11-12T01:30:00.000Z',
      })
      .execute();
    const res = await manager.post(`/estates/${e}/pbx/imports`, body);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ rows: 4, added: 3, known: 1 });
    const rows = await callRows();
    expect(rows.find((r) => r.pbx_call_id === 'Y-1001')).toMatchObject({
      from_number: '+852 9123 4567',
      caller_name: '陳大文',
      ringing_at: '2026-11-12T01:00:00.000Z',
      answered_at: '2026-11-12T01:00:06.000Z',
      state: 'answered',
      staff_id: deskStaff.id,
    });
    expect(rows.find((r) => r.pbx_call_id === 'Y-1003')).toMatchObject({
      ringing_at: '2026-11-12T01:20:00.000Z',
      answered_at: '2026-11-12T01:20:14.000Z',
    });
    expect(rows.find((r) => r.pbx_call_id === 'Y-1002')).toMatchObject({ state: 'missed', disposition: 'no_answer', answered_at: null });
    expect(rows.find((r) => r.pbx_call_id === 'Y-1004')).toMatchObject({ source: 'event', disposition: 'no_answer' });
    const at = await manager.get(`/estates/${e}/pbx/answer-times?from=2026-11-12&to=2026-11-12`);
    expect(at.body.total).toMatchObject({ calls: 4, answered: 2, answeredInTime: 1, missed: 2, inTimeRate: 0.25, longestRingSeconds: 14 });
    expect((await manager.post(`/estates/${e}/pbx/imports`, body)).body).toMatchObject({ added: 0, known: 4 });
  });

  it('answers 403 to the desk and 404 for another estate', async () => {
    const content = base64(masterCsv(CALLS.slice(0, 1)));
    const desk = await t.as('pbx-desk');
    const refused = await importFile(desk, e, { content });
    expect(refused.status).toBe(403);
    const other = await buildEstate(t);
    expect((await importFile(manager, other.id, { content })).status).toBe(404);
    expect((await manager.get(`/estates/${other.id}/pbx/answer-times?from=2026-11-10&to=2026-11-10`)).status).toBe(404);
    expect(await t.ctx.db.selectFrom('pbx_calls').selectAll().execute()).toHaveLength(0);
  });
});
