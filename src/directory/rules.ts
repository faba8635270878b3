import type { ImportRowError } from '../contract/common.js';
import { RESIDENT_IMPORT_COLUMNS, UNIT_IMPORT_COLUMNS } from '../contract/directory.js';
import type { ResidentTitle } from '../contract/scripts.js';
import { toSimplified } from '../platform/search.js';

/**
 * Pure checks of import rows. A file is imported whole or not at all, so every row is checked
 * first and every problem reported with its row, column and reason.
 */
export const UNIT_COLUMNS = UNIT_IMPORT_COLUMNS;
export const RESIDENT_COLUMNS = RESIDENT_IMPORT_COLUMNS;

/** Header names offices actually use, in the three languages, mapped to the canonical column. */
export const HEADER_ALIASES: Record<string, string> = {
  大廈: 'building',
  座: 'building',
  座數: 'building',
  大厦: 'building',
  座数: 'building',
  單元: 'number',
  单元: 'number',
  單位: 'number',
  单位: 'number',
  unit_number: 'number',
  樓層: 'floor',
  楼层: 'floor',
  面積: 'area_m2',
  面积: 'area_m2',
  'area (m²)': 'area_m2',
  area: 'area_m2',
  姓名: 'name',
  電話: 'phone',
  电话: 'phone',
  後備電話: 'phone_alt',
  后备电话: 'phone_alt',
  電郵: 'email',
  电邮: 'email',
  類別: 'kind',
  类别: 'kind',
  稱呼: 'title',
  称呼: 'title',
  通知語言: 'locale',
  通知语言: 'locale',
  通知方式: 'notify_channel',
  不接收的方式: 'opt_out',
};

export interface UnitImportRow {
  row: number;
  building: string;
  number: string;
  floor: number;
  areaM2: number | null;
}

export interface ResidentImportRow {
  row: number;
  name: string;
  phone: string | null;
  phoneAlt: string | null;
  email: string | null;
  kind: 'owner' | 'tenant';
  /** R-WD-2: how the resident is addressed; null when the file does not say. */
  title: ResidentTitle | null;
  building: string | null;
  unit: string | null;
  /** R-CP-5: null when the file does not say. */
  locale: 'zh-Hant' | 'zh-Hans' | 'en' | null;
  /** R-CP-5: undefined when the file has no such column; null (auto or empty) is automatic. */
  notifyChannel?: Channel | null;
  /** R-CP-5: the refused channels; undefined when the file has no such column. */
  optOut?: { sms: boolean; email: boolean; portal: boolean };
}

type Channel = 'sms' | 'email' | 'portal';
/** R-CP-5: a language and channels as a file may write them: the stored word, or in either script. */
const LOCALE_WORDS: Record<string, 'zh-Hant' | 'zh-Hans' | 'en'> = {
  'zh-hant': 'zh-Hant',
  繁體中文: 'zh-Hant',
  繁體: 'zh-Hant',
  繁体中文: 'zh-Hant',
  'zh-hans': 'zh-Hans',
  簡體中文: 'zh-Hans',
  简体中文: 'zh-Hans',
  简体: 'zh-Hans',
  en: 'en',
  english: 'en',
  英文: 'en',
};
const CHANNEL_WORDS: Record<string, Channel | 'auto'> = {
  auto: 'auto',
  自動: 'auto',
  自动: 'auto',
  sms: 'sms',
  短訊: 'sms',
  短信: 'sms',
  email: 'email',
  電郵: 'email',
  电邮: 'email',
  portal: 'portal',
  住戶平台: 'portal',
  住户平台: 'portal',
};

/** R-CP-5: the preference cells of a resident's row, checked; what the file leaves out stays undefined. */
function preferenceCells(headers: string[], cells: Cells, row: number, push: Push) {
  const localeText = text(cells, 'locale', row, push, { required: false, max: 20 });
  const locale = localeText ? LOCALE_WORDS[localeText.toLowerCase()] : undefined;
  if (localeText && !locale) push({ row, column: 'locale', reason: 'invalid_locale', message: 'locale must be zh-Hant, zh-Hans or en' });
  const channelText = text(cells, 'notify_channel', row, push, { required: false, max: 20 });
  const channel = channelText ? CHANNEL_WORDS[channelText.toLowerCase()] : 'auto';
  if (!channel)
    push({ row, column: 'notify_channel', reason: 'invalid_channel', message: 'notify_channel must be auto, sms, email or portal' });
  const refused = (text(cells, 'opt_out', row, push, { required: false, max: 60 }) ?? '').split(/[\s,;，、]+/).filter(Boolean);
  const optOut = { sms: false, email: false, portal: false };
  for (const word of refused) {
    const c = CHANNEL_WORDS[word.toLowerCase()];
    if (c && c !== 'auto') optOut[c] = true;
    else push({ row, column: 'opt_out', reason: 'invalid_channel', message: 'opt_out lists sms, email or portal, or is empty' });
  }
  return {
    locale: locale ?? null,
    ...(headers.includes('notify_channel') && { notifyChannel: channel === 'auto' || !channel ? null : channel }),
    ...(headers.includes('opt_out') && { optOut }),
  };
}

const PHONE = /^\+?[0-9 ()-]{3,20}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The form of address as a file may write it: the stored word, or the title in either script or English. */
const TITLE_WORDS: Record<string, ResidentTitle> = {
  mr: 'mr',
  'mr.': 'mr',
  先生: 'mr',
  mrs: 'mrs',
  'mrs.': 'mrs',
  太太: 'mrs',
  太: 'mrs',
  miss: 'miss',
  小姐: 'miss',
  ms: 'ms',
  'ms.': 'ms',
  女士: 'ms',
};

const KIND_WORDS: Record<string, 'owner' | 'tenant'> = {
  owner: 'owner',
  業主: 'owner',
  业主: 'owner',
  tenant: 'tenant',
  租客: 'tenant',
  租戶: 'tenant',
  租户: 'tenant',
};

type Cells = Record<string, string>;
type Push = (e: ImportRowError) => void;

function missingColumns(headers: string[], required: readonly string[], push: Push): boolean {
  const missing = required.filter((c) => !headers.includes(c));
  for (const column of missing) push({ row: 1, column, reason: 'missing_column', message: `the header row has no "${column}" column` });
  return missing.length > 0;
}

/** The row's errors from index `from` on, each with the cell it is about, as the file has it, to show back. */
function echoCells(errors: ImportRowError[], from: number, cells: Cells): void {
  for (let i = from; i < errors.length; i++) {
    const error = errors[i] as ImportRowError;
    const value = cells[error.column];
    if (value) errors[i] = { ...error, value: value.slice(0, 100) };
  }
}

function text(cells: Cells, column: string, row: number, push: Push, opts: { required: boolean; max: number }): string | null {
  const v = cells[column] ?? '';
  if (v === '') {
    if (opts.required) push({ row, column, reason: 'required', message: `${column} is required` });
    return null;
  }
  if (v.length > opts.max) {
    push({ row, column, reason: 'too_long', message: `${column} is longer than ${opts.max} characters` });
    return null;
  }
  return v;
}

export function checkUnitRows(sheet: { headers: string[]; rows: { row: number; cells: Cells }[] }): {
  rows: UnitImportRow[];
  errors: ImportRowError[];
} {
  const errors: ImportRowError[] = [];
  const push: Push = (e) => errors.push(e);
  if (missingColumns(sheet.headers, ['building', 'number', 'floor'], push)) return { rows: [], errors };
  const seen = new Map<string, number>();
  const rows: UnitImportRow[] = [];
  for (const { row, cells } of sheet.rows) {
    const before = errors.length;
    const building = text(cells, 'building', row, push, { required: true, max: 60 });
    const number = text(cells, 'number', row, push, { required: true, max: 20 });
    const floorText = text(cells, 'floor', row, push, { required: true, max: 10 });
    const floor = Number(floorText);
    if (floorText !== null && (!Number.isInteger(floor) || floor < -10 || floor > 200)) {
      push({ row, column: 'floor', reason: 'invalid_number', message: 'floor must be a whole number from -10 to 200' });
    }
    const areaText = text(cells, 'area_m2', row, push, { required: false, max: 12 });
    const area = areaText === null ? null : Number(areaText);
    if (area !== null && !(Number.isFinite(area) && area > 0 && area <= 100_000)) {
      push({ row, column: 'area_m2', reason: 'invalid_number', message: 'area_m2 must be a number above 0' });
    }
    if (building && number) {
      const key = `${building}\u0000${number}`;
      const first = seen.get(key);
      if (first) push({ row, column: 'number', reason: 'duplicate_in_file', message: `the same unit is already on row ${first}` });
      else seen.set(key, row);
    }
    echoCells(errors, before, cells);
    if (errors.length === before && building && number) rows.push({ row, building, number, floor, areaM2: area });
  }
  return { rows, errors };
}

export function checkResidentRows(sheet: { headers: string[]; rows: { row: number; cells: Cells }[] }): {
  rows: ResidentImportRow[];
  errors: ImportRowError[];
} {
  const errors: ImportRowError[] = [];
  const push: Push = (e) => errors.push(e);
  if (missingColumns(sheet.headers, ['name', 'kind'], push)) return { rows: [], errors };
  const rows: ResidentImportRow[] = [];
  for (const { row, cells } of sheet.rows) {
    const before = errors.length;
    const name = text(cells, 'name', row, push, { required: true, max: 100 });
    const phone = text(cells, 'phone', row, push, { required: false, max: 20 });
    if (phone && !PHONE.test(phone))
      push({ row, column: 'phone', reason: 'invalid_phone', message: 'phone must be digits, spaces, +, - or brackets' });
    const phoneAlt = text(cells, 'phone_alt', row, push, { required: false, max: 20 });
    if (phoneAlt && !PHONE.test(phoneAlt))
      push({ row, column: 'phone_alt', reason: 'invalid_phone', message: 'phone_alt must be digits, spaces, +, - or brackets' });
    const email = text(cells, 'email', row, push, { required: false, max: 200 });
    if (email && !EMAIL.test(email)) push({ row, column: 'email', reason: 'invalid_email', message: 'email is not an email address' });
    const kindText = text(cells, 'kind', row, push, { required: true, max: 20 });
    const kind = kindText ? KIND_WORDS[kindText.toLowerCase()] : undefined;
    if (kindText && !kind) push({ row, column: 'kind', reason: 'invalid_kind', message: 'kind must be owner or tenant (業主 / 租客)' });
    const building = text(cells, 'building', row, push, { required: false, max: 60 });
    const unit = text(cells, 'unit', row, push, { required: false, max: 20 });
    if (Boolean(building) !== Boolean(unit)) {
      const column = building ? 'unit' : 'building';
      push({ row, column, reason: 'required', message: 'building and unit go together: give both or neither' });
    }
    const titleText = text(cells, 'title', row, push, { required: false, max: 20 });
    const title = titleText ? TITLE_WORDS[titleText.toLowerCase()] : undefined;
    if (titleText && !title)
      push({
        row,
        column: 'title',
        reason: 'invalid_title',
        message: 'title must be mr, mrs, miss or ms (先生 / 太太 / 小姐 / 女士), or empty',
      });
    const prefs = preferenceCells(sheet.headers, cells, row, push);
    echoCells(errors, before, cells);
    if (errors.length === before && name && kind)
      rows.push({ row, name, phone, phoneAlt, email, kind, title: title ?? null, building, unit, ...prefs });
  }
  return { rows, errors };
}

// ------------------------------------------------------------ finding a unit by what a person types

/** What a typed unit asks for: the building named (its key, or null when none) and the unit number's key. */
export interface UnitQuery {
  building: string | null;
  unit: string;
}

// The words that name a block around its letter or name, in Traditional and Simplified alike:
// A座, A棟 / A栋, A幢, Block A, Tower A, Blk A.
const BLOCK_SUFFIX = '(?:座|棟|栋|幢|大廈|大厦)';
const BLOCK_PREFIX = '(?:BLOCK|BLK|TOWER)';

function normalised(text: string): string {
  return text.normalize('NFKC').toUpperCase().replace(/\s+/g, ' ').trim();
}

/** A building's name as typed or stored, reduced to what tells it apart: 「A座」, 「A棟」, "Block A" → A. */
export function buildingKey(name: string): string {
  return toSimplified(normalised(name))
    .replace(new RegExp(`^${BLOCK_PREFIX}\\s*`), '')
    .replace(new RegExp(`${BLOCK_SUFFIX}$`), '')
    .replace(/[\s,]/g, '');
}

/** A unit number as typed or stored: 「12b」, 「１２Ｂ」, "12 B" → 12B. */
export function unitKey(number: string): string {
  return normalised(number).replace(/[\s,]/g, '');
}

const hasDigit = (text: string) => /\d/.test(text);

/**
 * The building and unit a person means: 「A座 12B」, 「A棟12B」, "Block A 12B", "12B A座",
 * "12B, Block A" and bare "12B" (any building).
 */
export function parseUnitQuery(text: string): UnitQuery {
  const q = normalised(text);
  const patterns: [RegExp, 'building-first' | 'unit-first'][] = [
    [new RegExp(`^${BLOCK_PREFIX}\\s*([A-Z0-9]+)[\\s,]*(.+)$`), 'building-first'],
    [new RegExp(`^(.+?)\\s*${BLOCK_SUFFIX}[\\s,]*(.+)$`), 'building-first'],
    [new RegExp(`^(.+?)[\\s,]+${BLOCK_PREFIX}\\s*([A-Z0-9]+)$`), 'unit-first'],
    [new RegExp(`^(.+?)[\\s,]+([^\\s,]+)${BLOCK_SUFFIX}$`), 'unit-first'],
  ];
  for (const [pattern, order] of patterns) {
    const m = q.match(pattern);
    if (!m?.[1] || !m[2]) continue;
    const [building, unit] = order === 'building-first' ? [m[1], m[2]] : [m[2], m[1]];
    if (hasDigit(unit)) return { building: buildingKey(building), unit: unitKey(unit) };
  }
  // "海景閣 12B": a word without digits beside a number is the building.
  const words = q.split(/[\s,]+/).filter(Boolean);
  // "12 B" is one number written apart, not block B.
  if (words.length === 2 && !(/^\d+$/.test(words[0] ?? '') && /^[A-Z]$/.test(words[1] ?? ''))) {
    const [a = '', b = ''] = words;
    if (!hasDigit(a) && hasDigit(b)) return { building: buildingKey(a), unit: unitKey(b) };
    if (hasDigit(a) && !hasDigit(b)) return { building: buildingKey(b), unit: unitKey(a) };
  }
  return { building: null, unit: unitKey(q) };
}

/** How well a stored text matches what was typed: 0 exactly, 1 by its start, 2 somewhere in it; null not at all. */
export type MatchRank = 0 | 1 | 2;
export function matchRank(stored: string, wanted: string): MatchRank | null {
  if (!wanted) return null;
  if (stored === wanted) return 0;
  if (stored.startsWith(wanted)) return 1;
  return stored.includes(wanted) ? 2 : null;
}

const natural = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/** Units in the order a person reads a list of them: by building, then 3A before 13A before 23A. */
export function compareUnitsNaturally(a: { buildingName: string; number: string }, b: { buildingName: string; number: string }): number {
  return natural.compare(a.buildingName, b.buildingName) || natural.compare(a.number, b.number);
}

/**
 * R-CP-5: the columns a resident's preferences set, from what the request gave; what it left
 * out is not in the patch (on a new resident the columns' defaults hold).
 */
export function preferenceColumns(b: {
  locale?: 'zh-Hant' | 'zh-Hans' | 'en' | undefined;
  notifyChannel?: 'sms' | 'email' | 'portal' | null | undefined;
  optOut?: { sms?: boolean | undefined; email?: boolean | undefined; portal?: boolean | undefined } | undefined;
}): { locale?: string; notify_channel?: string | null; sms_opt_out?: number; email_opt_out?: number; portal_opt_out?: number } {
  const flag = (v: boolean | undefined) => (v === undefined ? undefined : v ? 1 : 0);
  const patch = {
    locale: b.locale,
    notify_channel: b.notifyChannel,
    sms_opt_out: flag(b.optOut?.sms),
    email_opt_out: flag(b.optOut?.email),
    portal_opt_out: flag(b.optOut?.portal),
  };
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
}
