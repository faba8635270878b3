import { createHash } from 'node:crypto';
import { DateTime } from 'luxon';
import type { PbxCsvMapping, PbxDisposition } from '../../contract/telephony.js';
import { AppError } from '../../platform/errors.js';
import { readCsvTable } from '../../platform/tabular.js';

/** One call as a call-detail record tells it, before it is an estate's row. */
export interface RecordedCall {
  row: number;
  pbxCallId: string;
  from: string;
  callerName: string | null;
  extension: string;
  disposition: PbxDisposition;
  ringingAt: string;
  answeredAt: string | null;
  endedAt: string | null;
  durationSeconds: number | null;
}

export interface RecordError {
  row: number;
  field: string;
  message: string;
}

export interface ReadRecords {
  calls: RecordedCall[];
  errors: RecordError[];
}

/**
 * Asterisk's cdr_csv writes `Master.csv` without a header, in this documented order; `uniqueid`
 * and `userfield` follow when `loguniqueid` / `loguserfield` are on.
 */
export const ASTERISK_COLUMNS = [
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

const ASTERISK_TIME = 'yyyy-MM-dd HH:mm:ss';

/** The file's rows, its read errors named after the request's `content` field. */
function csvRows(content: Buffer): string[][] {
  try {
    return readCsvTable(content);
  } catch (err) {
    if (err instanceof AppError && err.details.field === 'contentBase64')
      throw new AppError(err.code, err.message.replace(/^contentBase64/, 'content'), { ...err.details, field: 'content' });
    throw err;
  }
}

/** A time of the PBX's clock (the estate's zone) as an instant; an offset in the text wins. */
function instantOf(text: string, format: string, zone: string): string | null {
  let t = DateTime.fromFormat(text, format, { zone });
  if (!t.isValid) t = DateTime.fromISO(text, { zone });
  return t.isValid ? (t.toUTC().toISO() as string) : null;
}

/** Asterisk's and the usual exports' words for how a call ended. */
export function dispositionOf(text: string): PbxDisposition | null {
  const word = text
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ');
  if (['answered', 'answer', 'connected', 'completed'].includes(word)) return 'answered';
  if (['no answer', 'noanswer', 'missed', 'unanswered', 'not answered', 'abandoned'].includes(word)) return 'no_answer';
  if (word === 'busy') return 'busy';
  if (['failed', 'failure', 'congestion'].includes(word)) return 'failed';
  return null;
}

/** `"陳大文" <91234567>` → the name (null when it is only the number again). */
export function callerNameOf(clid: string, number: string): string | null {
  const m = /^\s*"?(.*?)"?\s*<([^>]*)>\s*$/.exec(clid);
  const name = (m ? m[1] : clid)?.trim() ?? '';
  return name && name !== number ? name.slice(0, 100) : null;
}

const stableId = (...parts: string[]) => `cdr-${createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 32)}`;

/** Checks the parts every format shares and makes the call, or adds the row's errors. */
function callOf(
  out: ReadRecords,
  row: number,
  f: Record<'from' | 'extension' | 'start', { field: string; value: string }>,
  rest: { id: string; callerName: string | null; answer: string | null; end: string | null; disposition: PbxDisposition | null },
  read: (text: string) => string | null,
  fields: { answer: string; end: string },
): void {
  const errors: RecordError[] = [];
  const need = (x: { field: string; value: string }) => {
    if (!x.value) errors.push({ row, field: x.field, message: `${x.field}: required` });
    return x.value;
  };
  const from = need(f.from);
  const extension = need(f.extension);
  if (extension.length > 20) errors.push({ row, field: f.extension.field, message: `${f.extension.field}: up to 20 characters` });
  if (from.length > 40) errors.push({ row, field: f.from.field, message: `${f.from.field}: up to 40 characters` });
  const ringingAt = need(f.start) ? read(f.start.value) : null;
  if (f.start.value && !ringingAt) errors.push({ row, field: f.start.field, message: `${f.start.field}: not a time (${f.start.value})` });
  const answeredAt = rest.answer ? read(rest.answer) : null;
  if (rest.answer && !answeredAt) errors.push({ row, field: fields.answer, message: `${fields.answer}: not a time (${rest.answer})` });
  const endedAt = rest.end ? read(rest.end) : null;
  if (rest.end && !endedAt) errors.push({ row, field: fields.end, message: `${fields.end}: not a time (${rest.end})` });
  if (ringingAt && answeredAt && answeredAt < ringingAt)
    errors.push({ row, field: fields.answer, message: `${fields.answer}: before the call started` });
  if (errors.length || !ringingAt) {
    out.errors.push(...errors);
    return;
  }
  const disposition = rest.disposition ?? (answeredAt ? 'answered' : 'no_answer');
  const answered = disposition === 'answered' && answeredAt ? answeredAt : null;
  out.calls.push({
    row,
    pbxCallId: rest.id || stableId(from, extension, ringingAt),
    from,
    callerName: rest.callerName,
    extension,
    disposition: answered ? 'answered' : disposition === 'answered' ? 'no_answer' : disposition,
    ringingAt,
    answeredAt: answered,
    endedAt,
    durationSeconds: answered && endedAt ? Math.max(0, Math.round((Date.parse(endedAt) - Date.parse(answered)) / 1000)) : null,
  });
}

/** R-PH-5: Asterisk's Master.csv, read in the PBX's local time (the estate's zone). Rows are numbered from 1. */
export function readAsterisk(content: Buffer, zone: string): ReadRecords {
  const out: ReadRecords = { calls: [], errors: [] };
  csvRows(content).forEach((cells, i) => {
    if (cells.every((c) => c.trim() === '')) return;
    const row = i + 1;
    const c = Object.fromEntries(ASTERISK_COLUMNS.map((name, j) => [name, (cells[j] ?? '').trim()])) as Record<
      (typeof ASTERISK_COLUMNS)[number],
      string
    >;
    if (cells.length < 15) {
      out.errors.push({
        row,
        field: 'disposition',
        message: `disposition: the row has ${cells.length} columns, Master.csv has 15 or more`,
      });
      return;
    }
    const disposition = dispositionOf(c.disposition);
    if (!disposition) out.errors.push({ row, field: 'disposition', message: `disposition: not a disposition (${c.disposition})` });
    const read = (text: string) => instantOf(text, ASTERISK_TIME, zone);
    const before = out.errors.length;
    callOf(
      out,
      row,
      { from: { field: 'src', value: c.src }, extension: { field: 'dst', value: c.dst }, start: { field: 'start', value: c.start } },
      { id: c.uniqueid, callerName: callerNameOf(c.clid, c.src), answer: c.answer || null, end: c.end || null, disposition },
      read,
      { answer: 'answer', end: 'end' },
    );
    // A row with a bad disposition is not a call, whatever else it holds.
    if (!disposition && out.errors.length === before) out.calls.pop();
  });
  return out;
}

/** A generic CSV with a header row, read through the estate's saved mapping. Rows are numbered with the header as row 1. */
export function readMapped(content: Buffer, zone: string, mapping: PbxCsvMapping): ReadRecords {
  const out: ReadRecords = { calls: [], errors: [] };
  const [header, ...body] = csvRows(content);
  if (!header) throw new AppError('import.unreadable_file', 'content: the file is empty', { field: 'content' });
  const index = new Map(
    header.map((h, j) => [
      h
        .replace(/^\uFEFF/, '')
        .trim()
        .toLowerCase(),
      j,
    ]),
  );
  const columns: [keyof PbxCsvMapping, string | null][] = [
    ['callId', mapping.callId],
    ['from', mapping.from],
    ['extension', mapping.extension],
    ['start', mapping.start],
    ['callerName', mapping.callerName],
    ['answer', mapping.answer],
    ['end', mapping.end],
    ['ringSeconds', mapping.ringSeconds],
    ['disposition', mapping.disposition],
  ];
  const missing = columns.filter(([, name]) => name !== null && !index.has(name.toLowerCase()));
  if (missing.length) {
    throw new AppError('import.invalid_rows', `nothing was imported: the file has no column ${missing.map(([, n]) => n).join(', ')}`, {
      rows: missing.map(([field, name]) => ({ row: 1, field, message: `${field}: the file has no column "${name}"` })),
      errorCount: missing.length,
    });
  }
  body.forEach((cells, i) => {
    if (cells.every((c) => c.trim() === '')) return;
    const row = i + 2;
    const cell = (name: string | null) => (name === null ? '' : (cells[index.get(name.toLowerCase()) ?? -1] ?? '').trim());
    const read = (text: string) => instantOf(text, mapping.timeFormat, zone);
    let disposition: PbxDisposition | null = null;
    if (mapping.disposition) {
      disposition = dispositionOf(cell(mapping.disposition));
      if (!disposition) {
        out.errors.push({ row, field: 'disposition', message: `disposition: not a disposition (${cell(mapping.disposition)})` });
        return;
      }
    }
    let answer = cell(mapping.answer) || null;
    const ring = cell(mapping.ringSeconds);
    if (!answer && ring && disposition !== 'no_answer' && disposition !== 'busy' && disposition !== 'failed') {
      const seconds = Number(ring);
      const start = read(cell(mapping.start));
      if (!Number.isFinite(seconds) || seconds < 0) {
        out.errors.push({ row, field: 'ringSeconds', message: `ringSeconds: not a number of seconds (${ring})` });
        return;
      }
      if (start) answer = new Date(Date.parse(start) + seconds * 1000).toISOString();
    }
    callOf(
      out,
      row,
      {
        from: { field: 'from', value: cell(mapping.from) },
        extension: { field: 'extension', value: cell(mapping.extension) },
        start: { field: 'start', value: cell(mapping.start) },
      },
      {
        id: cell(mapping.callId).slice(0, 100),
        callerName: cell(mapping.callerName).slice(0, 100) || null,
        answer,
        end: cell(mapping.end) || null,
        disposition,
      },
      read,
      { answer: mapping.answer ? 'answer' : 'ringSeconds', end: 'end' },
    );
  });
  return out;
}
