import { describe, expect, it } from 'vitest';
import { defaultPolicy } from '../contract/directory.js';
import { mergeWetPeriods, parseHkoRainfall, parseRainCsv } from './rain-feed.js';
import {
  afterRainDueAt,
  dayBounds,
  drawSample,
  firstRainAfter,
  followUpDueAt,
  monthBounds,
  monthOf,
  noticeCode,
  noticeDueAt,
  previousMonth,
  type RepairClass,
  rainCounts,
  rainRepoints,
  spotCheckDueAt,
  spotCheckSampleSize,
  unreachableDecision,
  yearOf,
} from './rules.js';

const policy = defaultPolicy();
const HK = 'Asia/Hong_Kong';

describe('R-FU-1: a completed repair is followed up by class', () => {
  const rows: {
    rule: string;
    what: string;
    repairClass: RepairClass;
    completedAt: string;
    due: string;
    custom?: Partial<typeof policy>;
  }[] = [
    // Friday 2026-11-20 17:00 in Hong Kong is 09:00 UTC; 72 h later is Monday 17:00 there.
    {
      rule: 'R-FU-1',
      what: 'a leak completed Friday 17:00 is due Monday 17:00',
      repairClass: 'leak',
      completedAt: '2026-11-20T09:00:00.000Z',
      due: '2026-11-23T09:00:00.000Z',
    },
    {
      rule: 'R-FU-1',
      what: 'safety: 48 hours',
      repairClass: 'safety',
      completedAt: '2026-11-20T09:00:00.000Z',
      due: '2026-11-22T09:00:00.000Z',
    },
    {
      rule: 'R-FU-1',
      what: 'other: 7 days',
      repairClass: 'other',
      completedAt: '2026-11-20T09:00:00.000Z',
      due: '2026-11-27T09:00:00.000Z',
    },
    {
      rule: 'R-FU-1',
      what: 'elapsed time: weekends and nights count',
      repairClass: 'safety',
      completedAt: '2026-11-21T15:59:00.000Z',
      due: '2026-11-23T15:59:00.000Z',
    },
    {
      rule: 'R-FU-1',
      what: 'across a month end',
      repairClass: 'leak',
      completedAt: '2026-11-29T20:00:00.000Z',
      due: '2026-12-02T20:00:00.000Z',
    },
    {
      rule: 'R-FU-1',
      what: "the estate's own policy (leak 24 h)",
      repairClass: 'leak',
      completedAt: '2026-11-20T09:00:00.000Z',
      due: '2026-11-21T09:00:00.000Z',
      custom: { followUpHours: { safety: 48, leak: 24, other: 168 } },
    },
  ];
  for (const r of rows) {
    it(`${r.rule}: ${r.what}`, () => {
      expect(followUpDueAt(r.repairClass, r.completedAt, { ...policy, ...r.custom })).toBe(r.due);
    });
  }
});

describe('R-FU-2: the first rain after a leak repair makes the after-rain follow-up due', () => {
  const completedAt = '2026-11-20T09:00:00.000Z';
  const rows: { rule: string; what: string; rainStartedAt: string; counts: boolean }[] = [
    { rule: 'R-FU-2', what: 'rain that starts after completion counts', rainStartedAt: '2026-11-20T09:00:01.000Z', counts: true },
    {
      rule: 'R-FU-2',
      what: 'rain that started before completion and ended after it does not count',
      rainStartedAt: '2026-11-20T08:00:00.000Z',
      counts: false,
    },
    { rule: 'R-FU-2', what: 'rain starting at the very minute of completion does not count', rainStartedAt: completedAt, counts: false },
    { rule: 'R-FU-2', what: 'rain a week later counts', rainStartedAt: '2026-11-27T00:00:00.000Z', counts: true },
  ];
  for (const r of rows) {
    it(`${r.rule}: ${r.what}`, () => {
      expect(rainCounts(completedAt, r.rainStartedAt)).toBe(r.counts);
    });
  }

  it('R-FU-2: due 48 h after the rain ends', () => {
    expect(afterRainDueAt('2026-11-22T06:30:00.000Z', policy)).toBe('2026-11-24T06:30:00.000Z');
  });

  it('R-FU-2: of several rains, the first to start after completion is chosen, whatever order they were recorded in', () => {
    const rains = [
      { id: 'c', startedAt: '2026-11-25T00:00:00.000Z', endedAt: '2026-11-25T03:00:00.000Z' },
      { id: 'a', startedAt: '2026-11-20T08:00:00.000Z', endedAt: '2026-11-20T12:00:00.000Z' }, // began before completion
      { id: 'b', startedAt: '2026-11-22T00:00:00.000Z', endedAt: '2026-11-22T06:00:00.000Z' },
    ];
    expect(firstRainAfter(completedAt, rains)?.id).toBe('b');
    expect(firstRainAfter(completedAt, rains.slice(0, 2))?.id).toBe('c');
    expect(firstRainAfter(completedAt, [rains[1] as (typeof rains)[number]])).toBeUndefined();
  });

  const repoint: {
    rule: string;
    what: string;
    status: 'awaiting_rain' | 'open' | 'done';
    current: string | null;
    rain: string;
    result: boolean;
  }[] = [
    {
      rule: 'R-FU-2',
      what: 'a follow-up awaiting rain takes the first rain',
      status: 'awaiting_rain',
      current: null,
      rain: '2026-11-22T00:00:00.000Z',
      result: true,
    },
    {
      rule: 'R-FU-2',
      what: 'two overlapping rain records open one follow-up: the second, starting later, changes nothing',
      status: 'open',
      current: '2026-11-22T00:00:00.000Z',
      rain: '2026-11-22T01:00:00.000Z',
      result: false,
    },
    {
      rule: 'R-FU-2',
      what: 'the same rain recorded twice changes nothing',
      status: 'open',
      current: '2026-11-22T00:00:00.000Z',
      rain: '2026-11-22T00:00:00.000Z',
      result: false,
    },
    {
      rule: 'R-FU-2',
      what: 'an earlier rain entered late becomes the first rain while the visit is not made',
      status: 'open',
      current: '2026-11-25T00:00:00.000Z',
      rain: '2026-11-22T00:00:00.000Z',
      result: true,
    },
    {
      rule: 'R-FU-2',
      what: 'a visit already made is never moved',
      status: 'done',
      current: '2026-11-25T00:00:00.000Z',
      rain: '2026-11-22T00:00:00.000Z',
      result: false,
    },
    {
      rule: 'R-FU-2',
      what: 'rain that began before completion never points it',
      status: 'awaiting_rain',
      current: null,
      rain: '2026-11-20T08:00:00.000Z',
      result: false,
    },
  ];
  for (const r of repoint) {
    it(`${r.rule}: ${r.what}`, () => {
      expect(rainRepoints({ status: r.status, completedAt, rainStartedAt: r.current }, { startedAt: r.rain })).toBe(r.result);
    });
  }
});

describe('R-FU-3: rain from weather feeds', () => {
  it('R-FU-3: wet hours that touch or overlap merge into one rain; dry hours and hours under the threshold do not count', () => {
    const hour = (h: number, mm: number) => ({
      startedAt: `2026-06-01T${String(h).padStart(2, '0')}:00:00.000Z`,
      endedAt: `2026-06-01T${String(h + 1).padStart(2, '0')}:00:00.000Z`,
      amountMm: mm,
    });
    const merged = mergeWetPeriods([hour(1, 2), hour(2, 5), hour(3, 0), hour(4, 0.2), hour(5, 1), hour(2, 4)], 0.5);
    expect(merged).toEqual([
      { startedAt: '2026-06-01T01:00:00.000Z', endedAt: '2026-06-01T03:00:00.000Z', amountMm: 11 },
      { startedAt: '2026-06-01T05:00:00.000Z', endedAt: '2026-06-01T06:00:00.000Z', amountMm: 1 },
    ]);
  });

  it("R-FU-3: the Observatory's rhrread reports, read for one district", () => {
    const report = (start: string, end: string, shaTin: number) => ({
      rainfall: {
        data: [
          { unit: 'mm', place: 'Central & Western District', max: 0, main: 'FALSE' },
          { unit: 'mm', place: 'Sha Tin', max: shaTin, main: 'FALSE' },
        ],
        startTime: start,
        endTime: end,
      },
      updateTime: end,
    });
    const text = JSON.stringify([
      report('2026-06-01T13:45:00+08:00', '2026-06-01T14:45:00+08:00', 4),
      report('2026-06-01T14:45:00+08:00', '2026-06-01T15:45:00+08:00', 9),
      report('2026-06-01T15:45:00+08:00', '2026-06-01T16:45:00+08:00', 0),
    ]);
    const result = parseHkoRainfall(text, { place: 'sha tin', thresholdMm: 0.5, timeZone: HK });
    expect(result.errors).toEqual([]);
    expect(result.events).toEqual([{ startedAt: '2026-06-01T05:45:00.000Z', endedAt: '2026-06-01T07:45:00.000Z', amountMm: 13 }]);
    expect(parseHkoRainfall(text, { place: 'Mars', thresholdMm: 0.5, timeZone: HK }).errors[0]).toMatchObject({ reason: 'unknown_place' });
  });

  it('R-FU-3: hourly rainfall of automatic stations, a missing reading (M) being neither rain nor dry', () => {
    const text = JSON.stringify({
      obsTime: '2026-06-01T15:00:00+08:00',
      hourlyRainfall: [
        { automaticWeatherStation: 'Sha Tin', automaticWeatherStationID: 'RF001', value: '3', unit: 'mm' },
        { automaticWeatherStation: 'Tai Po', automaticWeatherStationID: 'RF002', value: 'M', unit: 'mm' },
      ],
    });
    expect(parseHkoRainfall(text, { place: null, thresholdMm: 0.5, timeZone: HK }).events).toEqual([
      { startedAt: '2026-06-01T06:00:00.000Z', endedAt: '2026-06-01T07:00:00.000Z', amountMm: 3 },
    ]);
  });

  it('R-FU-3: a CSV of time and rainfall_mm in the estate’s zone; each bad row is named with its column', () => {
    const csv =
      '\uFEFFtime,rainfall_mm\n2026-06-01 14:00,2.5\n2026-06-01 15:00,1\n2026-06-01 16:00,0\nyesterday,3\n2026-06-01 18:00,lots\n';
    const result = parseRainCsv(csv, { thresholdMm: 0.5, timeZone: HK });
    expect(result.events).toEqual([{ startedAt: '2026-06-01T06:00:00.000Z', endedAt: '2026-06-01T08:00:00.000Z', amountMm: 3.5 }]);
    expect(result.errors.map((e) => [e.row, e.column, e.reason])).toEqual([
      [5, 'time', 'invalid_time'],
      [6, 'rainfall_mm', 'invalid_number'],
    ]);
    expect(parseRainCsv('when,mm\n1,2\n', { thresholdMm: 0.5, timeZone: HK }).errors[0]).toMatchObject({ reason: 'missing_column' });
    expect(parseHkoRainfall('not json', { place: null, thresholdMm: 0.5, timeZone: HK }).errors[0]).toMatchObject({
      reason: 'invalid_json',
    });
  });
});

describe('R-FU-4: unreachable is an outcome after attempts', () => {
  const rows = [
    { rule: 'R-FU-4', attempts: 1, ok: false },
    { rule: 'R-FU-4', attempts: 2, ok: false },
    { rule: 'R-FU-4', attempts: 3, ok: true },
    { rule: 'R-FU-4', attempts: 7, ok: true },
  ];
  for (const r of rows) {
    it(`${r.rule}: ${r.attempts} attempt(s) ${r.ok ? 'may' : 'may not'} be recorded as unreachable`, () => {
      expect(unreachableDecision(r.attempts, policy).ok).toBe(r.ok);
    });
  }
});

describe('R-FU-5: the monthly spot check', () => {
  const sizes = [
    { rule: 'R-FU-5', population: 0, size: 0 },
    { rule: 'R-FU-5', population: 2, size: 2 },
    { rule: 'R-FU-5', population: 3, size: 3 },
    { rule: 'R-FU-5', population: 4, size: 3 },
    { rule: 'R-FU-5', population: 25, size: 3 },
    { rule: 'R-FU-5', population: 30, size: 3 },
    { rule: 'R-FU-5', population: 31, size: 4 },
    { rule: 'R-FU-5', population: 100, size: 10 },
    { rule: 'R-FU-5', population: 101, size: 11 },
  ];
  for (const r of sizes) {
    it(`${r.rule}: a month with ${r.population} completed follow-ups samples ${r.size}`, () => {
      expect(spotCheckSampleSize(r.population, policy)).toBe(r.size);
    });
  }

  it('R-FU-5: a month with 25 follow-ups samples 3, and the same seed gives the same 3', () => {
    const ids = Array.from({ length: 25 }, (_, i) => `fu-${String(i + 1).padStart(2, '0')}`);
    const size = spotCheckSampleSize(ids.length, policy);
    const first = drawSample(ids, 'seed-2026-10', size);
    expect(first).toHaveLength(3);
    expect(new Set(first).size).toBe(3);
    for (const id of first) expect(ids).toContain(id);
    expect(drawSample(ids, 'seed-2026-10', size)).toEqual(first);
    // Another seed gives another sample (these two seeds differ in their draw).
    expect(drawSample(ids, 'seed-2026-11', size)).not.toEqual(first);
  });

  it('R-FU-5: every follow-up can be drawn (no position is favoured)', () => {
    const ids = Array.from({ length: 10 }, (_, i) => `f${i}`);
    const seen = new Map<string, number>();
    for (let s = 0; s < 2000; s++) for (const id of drawSample(ids, `s${s}`, 3)) seen.set(id, (seen.get(id) ?? 0) + 1);
    expect(seen.size).toBe(10);
    // Each is drawn about 600 times in 2000 draws of 3 of 10.
    for (const n of seen.values()) expect(n).toBeGreaterThan(450);
    for (const n of seen.values()) expect(n).toBeLessThan(750);
  });

  const months = [
    {
      rule: 'R-FU-5',
      what: 'the month boundary follows the estate’s zone: 31 Oct 23:30 in Hong Kong is October there',
      instant: '2026-10-31T15:30:00.000Z',
      zone: HK,
      month: '2026-10',
    },
    {
      rule: 'R-FU-5',
      what: '1 Nov 00:30 in Hong Kong is November there (still October in UTC)',
      instant: '2026-10-31T16:30:00.000Z',
      zone: HK,
      month: '2026-11',
    },
    { rule: 'R-FU-5', what: 'the same instant in UTC is October', instant: '2026-10-31T16:30:00.000Z', zone: 'UTC', month: '2026-10' },
    {
      rule: 'R-FU-5',
      what: 'in New York the instant is still October',
      instant: '2026-11-01T03:30:00.000Z',
      zone: 'America/New_York',
      month: '2026-10',
    },
  ];
  for (const r of months) {
    it(`${r.rule}: ${r.what}`, () => {
      expect(monthOf(r.instant, r.zone)).toBe(r.month);
    });
  }

  it('R-FU-5: month bounds and the due time (end of the 7th of the next month) in the estate’s zone', () => {
    expect(monthBounds('2026-10', HK)).toEqual({ start: '2026-09-30T16:00:00.000Z', end: '2026-10-31T16:00:00.000Z' });
    expect(spotCheckDueAt('2026-10', HK, policy)).toBe('2026-11-07T15:59:59.999Z');
    expect(spotCheckDueAt('2026-12', HK, policy)).toBe('2027-01-07T15:59:59.999Z');
    expect(spotCheckDueAt('2026-10', 'America/New_York', policy)).toBe('2026-11-08T04:59:59.999Z');
    expect(previousMonth('2026-11-01T00:30:00.000Z', HK)).toBe('2026-10');
    expect(previousMonth('2026-10-31T16:30:00.000Z', HK)).toBe('2026-10');
    expect(previousMonth('2026-01-05T00:00:00.000Z', HK)).toBe('2025-12');
  });
});

describe('R-RC-1, R-RC-2: written rectification notices', () => {
  it('R-RC-1: the notice is due 24 h after the finding', () => {
    expect(noticeDueAt('2026-11-20T09:00:00.000Z', policy)).toBe('2026-11-21T09:00:00.000Z');
  });

  const years = [
    {
      rule: 'R-RC-2',
      what: 'numbers run per year of the estate’s zone: 31 Dec 23:00 in Hong Kong is still that year',
      instant: '2026-12-31T15:00:00.000Z',
      year: 2026,
    },
    { rule: 'R-RC-2', what: 'and 1 Jan 00:30 there is the next', instant: '2026-12-31T16:30:00.000Z', year: 2027 },
  ];
  for (const r of years) {
    it(`${r.rule}: ${r.what}`, () => {
      expect(yearOf(r.instant, HK)).toBe(r.year);
    });
  }

  it('R-RC-2: the code is the year and the number, four digits', () => {
    expect(noticeCode(2026, 7)).toBe('2026-0007');
    expect(noticeCode(2026, 12345)).toBe('2026-12345');
  });

  it("due today is the estate's calendar day", () => {
    expect(dayBounds('2026-11-20T17:00:00.000Z', HK)).toEqual({ start: '2026-11-20T16:00:00.000Z', end: '2026-11-21T16:00:00.000Z' });
  });
});
