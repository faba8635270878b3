import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ExportFigures } from './export.js';
import type { LoadResult } from './load.js';
import type { SweepResult } from './sweep.js';

export interface OperationFigures extends LoadResult {
  name: string;
  bare: 'insert' | 'read';
  /** req/s against the bare route's req/s. */
  ratio: number;
}

export interface BenchResults {
  date: string;
  engine: 'sqlite' | 'postgres';
  machine: { cpus: number; cpu: string; memoryGiB: number; node: string; kernel: string };
  settings: { seconds: number; connections: number };
  database: { cases: number; estates: number; estate: string; estateCases: number; sizeMiB: number | null };
  bare: { insert: LoadResult; read: LoadResult; peakRssMb: number };
  operations: OperationFigures[];
  sweep: { server: SweepResult; bare: SweepResult; ratio: number };
  memory: { peakRssMb: number; idleRssMb: number; barePeakRssMb: number };
  /** A year's calls exported by a fresh server, as CSV and XLSX. */
  export?: ExportFigures;
}

export function machine(): BenchResults['machine'] {
  return {
    cpus: os.cpus().length,
    cpu: os.cpus()[0]?.model.trim() ?? 'unknown',
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    kernel: `${os.type()} ${os.release()}`,
  };
}

const num = (n: number, digits = 0) => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const ms = (n: number) => (n < 10 ? num(n, 2) : n < 100 ? num(n, 1) : num(n));

/** Columns a terminal gives the text: Chinese characters take two. */
function width(text: string): number {
  let n = 0;
  for (const ch of text)
    n += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return n;
}

function table(head: string[], rows: string[][]): string {
  const widths = head.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i] ?? ''))));
  const pad = (c: string, i: number) => {
    const fill = ' '.repeat(Math.max((widths[i] ?? 0) - width(c), 0));
    return i === 0 ? c + fill : fill + c;
  };
  const line = (cells: string[]) => cells.map(pad).join('  ').trimEnd();
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/** The table the run prints: one row per operation, the bare rows, the sweep and the memory. */
export function formatResults(r: BenchResults): string {
  const m = r.machine;
  const d = r.database;
  const rows = r.operations.map((o) => [
    o.name,
    num(o.perSecond),
    ms(o.p50Ms),
    ms(o.p99Ms),
    `${num(o.ratio, 3)}× ${o.bare}`,
    num(o.calls),
    o.failed ? `${num(o.failed)} failed` : '',
  ]);
  rows.push(
    ['bare insert', num(r.bare.insert.perSecond), ms(r.bare.insert.p50Ms), ms(r.bare.insert.p99Ms), '1×', num(r.bare.insert.calls), ''],
    ['bare indexed read', num(r.bare.read.perSecond), ms(r.bare.read.p50Ms), ms(r.bare.read.p99Ms), '1×', num(r.bare.read.calls), ''],
  );
  const s = r.sweep;
  return [
    `EstateDesk benchmark: ${r.engine}, ${r.date}, ${r.settings.connections} connections, ${r.settings.seconds} s per operation`,
    `machine: ${m.cpus} × ${m.cpu}, ${m.memoryGiB} GiB, Node ${m.node}, ${m.kernel}`,
    `database: ${num(d.cases)} cases in ${num(d.estates)} estate${d.estates === 1 ? '' : 's'}${d.sizeMiB === null ? '' : `, ${num(d.sizeMiB)} MiB`}; requests to estate ${d.estate} (${num(d.estateCases)} cases)`,
    '',
    table(['operation', 'req/s', 'p50 ms', 'p99 ms', 'ratio to bare', 'calls', ''], rows),
    '',
    table(
      ['sweep over all estates', 'breaches', 'ms', 'breaches/s', 'ratio to bare'],
      [
        ['server (the project’s sweep)', num(s.server.breached), ms(s.server.ms), num(s.server.perSecond), `${num(s.ratio, 3)}×`],
        ['bare (batches of 100)', num(s.bare.breached), ms(s.bare.ms), num(s.bare.perSecond), '1×'],
      ],
    ),
    '',
    `peak server RSS (VmHWM): ${num(r.memory.peakRssMb)} MiB (after sign-in ${num(r.memory.idleRssMb)} MiB; bare ${num(r.memory.barePeakRssMb)} MiB)`,
    ...(r.export ? ['', formatExport(r.export)] : []),
  ].join('\n');
}

/** The export step's table: rows, seconds, rows/s and the fresh server's peak RSS. */
export function formatExport(e: ExportFigures): string {
  const row = (format: string, f: ExportFigures['csv']) => [
    format,
    num(e.rows),
    num(f.seconds, 1),
    num(f.rowsPerSecond),
    `${num(f.bytes / 2 ** 20, 1)} MiB`,
  ];
  return [
    table([`export of calls ${e.from}..${e.to}`, 'rows', 's', 'rows/s', 'file'], [row('csv', e.csv), row('xlsx', e.xlsx)]),
    `export server's peak RSS (VmHWM, fresh process): ${num(e.peakRssMb)} MiB (target under 300 MiB; ${num(e.startRssMb)} MiB after sign-in, ${num(e.csvPeakRssMb)} MiB after the CSV)`,
  ].join('\n');
}

/** Writes bench/results/<date>-<engine>.json; returns its path. */
export function writeResults(dir: string, r: BenchResults): string {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${r.date}-${r.engine}.json`);
  fs.writeFileSync(file, `${JSON.stringify(r, null, 2)}\n`);
  return file;
}
