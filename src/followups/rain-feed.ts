import { parse } from 'csv-parse/sync';
import { DateTime } from 'luxon';
import type { ImportRowError } from '../contract/common.js';

/**
 * Weather feeds → rain events (R-FU-3). Pure: text in, rain spans out. Two feeds are read:
 *
 * - the Hong Kong Observatory's open data, either the current weather report (`rhrread`, whose
 *   `rainfall` block gives the maximum rainfall per district over one period, `startTime` to
 *   `endTime`) or the hourly rainfall of automatic stations (`obsTime`, `hourlyRainfall[]`, the
 *   hour ending at `obsTime`); one document or a JSON array of them, as saved hour by hour;
 * - a plain CSV with `time` and `rainfall_mm` (the hour starting at `time`; an optional `end`
 *   column gives another period). Times without an offset are in the estate's time zone.
 *
 * Wet periods (at least the threshold) that touch or overlap are merged into one rain event.
 */
export interface RainPeriod {
  startedAt: string;
  endedAt: string;
  amountMm: number;
}

export interface FeedResult {
  events: RainPeriod[];
  errors: ImportRowError[];
}

const HOUR = 3_600_000;

export function mergeWetPeriods(periods: readonly RainPeriod[], thresholdMm: number): RainPeriod[] {
  const wet = periods
    .filter((p) => p.amountMm >= thresholdMm && p.amountMm > 0)
    .sort((a, b) => Date.parse(a.startedAt) - Date.parse(b.startedAt) || Date.parse(a.endedAt) - Date.parse(b.endedAt));
  const merged: RainPeriod[] = [];
  for (const p of wet) {
    const last = merged[merged.length - 1];
    if (last && Date.parse(p.startedAt) <= Date.parse(last.endedAt)) {
      if (Date.parse(p.endedAt) > Date.parse(last.endedAt)) last.endedAt = p.endedAt;
      last.amountMm = round(last.amountMm + p.amountMm);
    } else merged.push({ ...p });
  }
  return merged;
}

const round = (n: number) => Math.round(n * 10) / 10;

function error(row: number, column: string, reason: string, message: string): ImportRowError {
  return { row, column, reason, message };
}

function iso(value: unknown, timeZone: string): string | undefined {
  if (typeof value !== 'string' || !value.trim()) return undefined;
  const text = value.trim();
  let d = DateTime.fromISO(text, { zone: timeZone, setZone: true });
  if (!d.isValid) d = DateTime.fromFormat(text, 'yyyy-MM-dd HH:mm', { zone: timeZone });
  if (!d.isValid) d = DateTime.fromFormat(text, 'yyyy-MM-dd HH:mm:ss', { zone: timeZone });
  if (!d.isValid) d = DateTime.fromFormat(text, 'yyyy/MM/dd HH:mm', { zone: timeZone });
  return d.isValid ? (d.toUTC().toISO() ?? undefined) : undefined;
}

function amount(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (!/^\d+(\.\d+)?$/.test(text)) return undefined;
  return Number(text);
}

const samePlace = (a: unknown, place: string) => typeof a === 'string' && a.trim().toLowerCase() === place.trim().toLowerCase();

/** The Observatory's rainfall JSON (rhrread or hourly rainfall), one document or a list. */
export function parseHkoRainfall(text: string, opts: { place: string | null; thresholdMm: number; timeZone: string }): FeedResult {
  let doc: unknown;
  try {
    doc = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return { events: [], errors: [error(1, 'file', 'invalid_json', 'the file is not JSON')] };
  }
  const docs = Array.isArray(doc) ? doc : [doc];
  const periods: RainPeriod[] = [];
  const errors: ImportRowError[] = [];
  docs.forEach((d, index) => {
    const row = index + 1;
    if (!d || typeof d !== 'object') {
      errors.push(error(row, 'document', 'invalid_document', 'not a rainfall report'));
      return;
    }
    const report = d as {
      rainfall?: { data?: unknown; startTime?: unknown; endTime?: unknown };
      obsTime?: unknown;
      hourlyRainfall?: unknown;
    };
    if (report.rainfall && typeof report.rainfall === 'object') {
      const start = iso(report.rainfall.startTime, opts.timeZone);
      const end = iso(report.rainfall.endTime, opts.timeZone);
      if (!start || !end || Date.parse(end) <= Date.parse(start)) {
        errors.push(error(row, 'rainfall.startTime', 'invalid_period', 'rainfall.startTime and endTime must be times, start before end'));
        return;
      }
      const data = Array.isArray(report.rainfall.data) ? (report.rainfall.data as { place?: unknown; max?: unknown }[]) : [];
      const readings = opts.place ? data.filter((r) => samePlace(r.place, opts.place as string)) : data;
      if (opts.place && !readings.length) {
        errors.push(error(row, 'rainfall.data.place', 'unknown_place', `no reading for ${opts.place}`));
        return;
      }
      const values = readings.map((r) => amount(r.max)).filter((v): v is number => v !== undefined);
      periods.push({ startedAt: start, endedAt: end, amountMm: values.length ? Math.max(...values) : 0 });
      return;
    }
    if (Array.isArray(report.hourlyRainfall)) {
      const end = iso(report.obsTime, opts.timeZone);
      if (!end) {
        errors.push(error(row, 'obsTime', 'invalid_time', 'obsTime must be a time'));
        return;
      }
      const data = report.hourlyRainfall as { automaticWeatherStation?: unknown; automaticWeatherStationID?: unknown; value?: unknown }[];
      const readings = opts.place
        ? data.filter(
            (r) =>
              samePlace(r.automaticWeatherStation, opts.place as string) || samePlace(r.automaticWeatherStationID, opts.place as string),
          )
        : data;
      if (opts.place && !readings.length) {
        errors.push(error(row, 'hourlyRainfall.automaticWeatherStation', 'unknown_place', `no reading for ${opts.place}`));
        return;
      }
      // "M" marks a missing reading; it is neither rain nor dry.
      const values = readings.map((r) => amount(r.value)).filter((v): v is number => v !== undefined);
      periods.push({
        startedAt: new Date(Date.parse(end) - HOUR).toISOString(),
        endedAt: end,
        amountMm: values.length ? Math.max(...values) : 0,
      });
      return;
    }
    errors.push(error(row, 'document', 'invalid_document', 'neither a rainfall block (rhrread) nor hourlyRainfall'));
  });
  return { events: mergeWetPeriods(periods, opts.thresholdMm), errors };
}

/** A CSV of `time,rainfall_mm` (and optionally `end`), one row per period. */
export function parseRainCsv(text: string, opts: { thresholdMm: number; timeZone: string }): FeedResult {
  let rows: Record<string, string>[];
  try {
    rows = parse(text, { columns: (h: string[]) => h.map((c) => c.trim().toLowerCase()), bom: true, skip_empty_lines: true, trim: true });
  } catch (e) {
    return { events: [], errors: [error(1, 'file', 'invalid_csv', e instanceof Error ? e.message : 'not a CSV file')] };
  }
  const periods: RainPeriod[] = [];
  const errors: ImportRowError[] = [];
  if (rows.length && !('time' in (rows[0] as object) && 'rainfall_mm' in (rows[0] as object))) {
    return { events: [], errors: [error(1, 'time', 'missing_column', 'the header needs the columns time and rainfall_mm')] };
  }
  for (const [index, r] of rows.entries()) {
    const row = index + 2;
    const start = iso(r.time, opts.timeZone);
    const mm = amount(r.rainfall_mm);
    const end = r.end ? iso(r.end, opts.timeZone) : start && new Date(Date.parse(start) + HOUR).toISOString();
    if (!start) errors.push(error(row, 'time', 'invalid_time', 'time must be a time such as 2026-06-01 14:00'));
    else if (mm === undefined) errors.push(error(row, 'rainfall_mm', 'invalid_number', 'rainfall_mm must be a number of mm, 0 or more'));
    else if (!end || Date.parse(end) <= Date.parse(start))
      errors.push(error(row, 'end', 'invalid_period', 'end must be a time after time'));
    else periods.push({ startedAt: start, endedAt: end, amountMm: mm });
  }
  return { events: mergeWetPeriods(periods, opts.thresholdMm), errors };
}
