import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DateTime } from 'luxon';
import type { DbHandle } from '../../src/platform/db/connect.js';
import { newId } from '../../src/platform/ids.js';
import { periodRange } from '../../src/reports/exports/period.js';
import { Sink } from '../generate/sink.js';
import type { HttpClient } from './http.js';
import type { World } from './world.js';

/** A year's calls exported through the API by a server started for it alone, as CSV and as XLSX. */
export interface ExportFigures {
  from: string;
  to: string;
  rows: number;
  csv: { seconds: number; rowsPerSecond: number; bytes: number };
  xlsx: { seconds: number; rowsPerSecond: number; bytes: number };
  /** The fresh server's peak RSS (VmHWM) in MiB: after signing in, after the CSV, after both (the target is under 300). */
  startRssMb: number;
  csvPeakRssMb: number;
  peakRssMb: number;
}

export const EXPORT_TARGET_RSS_MB = 300;
const PURPOSES = ['inquiry', 'repair', 'fee', 'complaint', 'message', 'colleague', 'other'];
const OUTCOMES = ['answered', 'case_created', 'transferred', 'message_taken', 'call_back_promised'];

/** The year exported: this calendar year in the estate's zone, up to today. */
export function exportYear(timeZone: string): { from: string; to: string } {
  const today = DateTime.now().setZone(timeZone);
  return { from: today.startOf('year').toFormat('yyyy-MM-dd'), to: today.endOf('year').toFormat('yyyy-MM-dd') };
}

/**
 * Makes sure the estate has `wanted` calls in the year, inserting the missing ones in bulk with
 * the data generator's sink (spread over the year up to now, at the desk, on the estate's units).
 */
export async function ensureCalls(handle: DbHandle, world: World, timeZone: string, wanted: number): Promise<number> {
  const year = exportYear(timeZone);
  const range = periodRange(year.from, year.to, timeZone);
  const count = async () => {
    const row = await handle.db
      .selectFrom('calls')
      .select((e) => e.fn.countAll<number>().as('n'))
      .where('estate_id', '=', world.estateId)
      .where('started_at', '>=', range.from)
      .where('started_at', '<', range.to)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  };
  const have = await count();
  if (have >= wanted) return have;
  const start = Date.parse(range.from);
  const span = Math.max(Math.min(Date.now(), Date.parse(range.to)) - start - 60_000, 86_400_000);
  const fill = async (sink: Sink) => {
    for (let i = 0; i < wanted - have; i++) {
      const at = new Date(start + Math.floor(((i + 0.5) / (wanted - have)) * span)).toISOString();
      sink.add('calls', {
        id: newId(),
        estate_id: world.estateId,
        started_at: at,
        duration_seconds: 30 + (i % 600),
        caller_name: `來電者${i % 997}`,
        caller_phone: `9${String(1_000_000 + (i % 8_999_999)).slice(-7)}`,
        unit_id: world.unitIds.length ? world.unitIds[i % world.unitIds.length] : null,
        resident_id: null,
        purpose: PURPOSES[i % PURPOSES.length],
        outcome: OUTCOMES[i % OUTCOMES.length],
        asked_for_id: null,
        answered_by: world.deskStaffId,
        note: i % 5 === 0 ? '住戶查詢管理費繳費方法,已解答' : null,
        case_id: null,
        recorded_at: at,
      });
      await sink.maybeFlush();
    }
    await sink.commit();
  };
  if (handle.sqlite) await fill(new Sink({ sqlite: handle.sqlite }));
  else await handle.db.connection().execute((conn) => fill(new Sink({ pg: conn })));
  return count();
}

/** Counts the CSV's records as the bytes arrive: newlines outside quoted cells, less the header. */
function csvRecords() {
  let quoted = false;
  let lines = 0;
  return {
    add(chunk: Uint8Array) {
      for (const b of chunk) {
        if (b === 34) quoted = !quoted;
        else if (b === 10 && !quoted) lines++;
      }
    },
    rows: () => lines - 1,
  };
}

async function xlsxRows(file: string): Promise<number> {
  const { default: Excel } = await import('exceljs');
  const reader = new Excel.stream.xlsx.WorkbookReader(file, { worksheets: 'emit', sharedStrings: 'cache', styles: 'ignore' });
  let rows = 0;
  for await (const sheet of reader) {
    for await (const _row of sheet) rows++;
    break;
  }
  return rows - 1;
}

/** Downloads one export as a stream (never held whole), checks its rows and answers its figures. */
async function download(client: HttpClient, url: string, format: 'csv' | 'xlsx', expected: number) {
  const t0 = performance.now();
  const res = await fetch(url, { headers: { cookie: client.headers.cookie as string } });
  if (res.status !== 200 || !res.body) throw new Error(`export ${format} answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
  const header = Number(res.headers.get('x-export-rows'));
  const tmp = format === 'xlsx' ? path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bench-export-')), 'calls.xlsx') : null;
  const out = tmp ? fs.createWriteStream(tmp) : null;
  const csv = csvRecords();
  let bytes = 0;
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    bytes += chunk.byteLength;
    if (out) {
      if (!out.write(chunk)) await new Promise<void>((r) => out.once('drain', () => r()));
    } else csv.add(chunk);
  }
  const seconds = (performance.now() - t0) / 1000;
  if (out) await new Promise<void>((r) => out.end(() => r()));
  const rows = tmp ? await xlsxRows(tmp) : csv.rows();
  if (tmp) fs.rmSync(path.dirname(tmp), { recursive: true, force: true });
  if (rows !== expected || header !== expected)
    throw new Error(`export ${format}: ${rows} rows in the file, ${header} in X-Export-Rows, ${expected} counted`);
  return { seconds, rowsPerSecond: rows / seconds, bytes };
}

/** Exports the year's calls through the API of a server started for this step, as CSV then XLSX. */
export async function measureExport(
  client: HttpClient,
  server: { url: string; peakRssMb(): number },
  world: World,
  timeZone: string,
): Promise<ExportFigures> {
  const { from, to } = exportYear(timeZone);
  const base = `${server.url}/api/v1/estates/${world.estateId}/exports/calls`;
  const { rows } = await client.json<{ rows: number }>({
    method: 'GET',
    path: `/api/v1/estates/${world.estateId}/exports/calls/count?from=${from}&to=${to}`,
  });
  const startRssMb = server.peakRssMb();
  const csv = await download(client, `${base}?from=${from}&to=${to}&format=csv`, 'csv', rows);
  const csvPeakRssMb = server.peakRssMb();
  const xlsx = await download(client, `${base}?from=${from}&to=${to}&format=xlsx`, 'xlsx', rows);
  return { from, to, rows, csv, xlsx, startRssMb, csvPeakRssMb, peakRssMb: server.peakRssMb() };
}
