import type { Kysely } from 'kysely';
import type { Database } from '../platform/db/schema.js';
import './tables.js';

/**
 * What the monthly report reads of cases: the cases that happened in a period by kind, channel
 * and repair class; the complaints closed in it by the resident's answer (R-CP-3); the records
 * behind each of those figures; a case's number by id.
 */
type Db = Kysely<Database>;
export interface CasePeriod {
  estateId: string;
  from: string;
  to: string;
}

/** Cases by `occurredAt` in the period, counted by kind, channel and repair class together. */
export async function caseVolumeRows(db: Db, p: CasePeriod) {
  const rows = await db
    .selectFrom('cases')
    .select((eb) => ['kind', 'channel', 'repair_class', eb.fn.countAll<number>().as('n')])
    .where('estate_id', '=', p.estateId)
    .where('occurred_at', '>=', p.from)
    .where('occurred_at', '<', p.to)
    .groupBy(['kind', 'channel', 'repair_class'])
    .execute();
  return rows.map((r) => ({ kind: r.kind, channel: r.channel, repairClass: r.repair_class, count: Number(r.n) }));
}

/** How many cases happened in the period (the trend's case line). */
export async function countCasesOccurred(db: Db, p: CasePeriod): Promise<number> {
  const r = await db
    .selectFrom('cases')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('estate_id', '=', p.estateId)
    .where('occurred_at', '>=', p.from)
    .where('occurred_at', '<', p.to)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Complaints closed in the period, by the satisfaction they closed with (null: closed by a manager without it). */
export async function complaintClosureRows(db: Db, p: CasePeriod) {
  const rows = await db
    .selectFrom('cases')
    .select((eb) => ['satisfaction', eb.fn.countAll<number>().as('n')])
    .where('estate_id', '=', p.estateId)
    .where('kind', '=', 'complaint')
    .where('closed_at', '>=', p.from)
    .where('closed_at', '<', p.to)
    .groupBy('satisfaction')
    .execute();
  return rows.map((r) => ({ satisfaction: r.satisfaction, count: Number(r.n) }));
}

export type CaseFigureFilter =
  | { by: 'occurred'; kind?: string; channel?: string; repairClass?: string }
  | { by: 'closedComplaint'; satisfaction?: 'satisfied' | 'not_satisfied' | null };

/** The cases behind a figure, oldest first, a page at a time. */
export async function casesOfFigure(db: Db, p: CasePeriod & { filter: CaseFigureFilter; page: number; pageSize: number }) {
  const f = p.filter;
  const at = f.by === 'occurred' ? 'occurred_at' : 'closed_at';
  let q = db.selectFrom('cases').where('estate_id', '=', p.estateId).where(at, '>=', p.from).where(at, '<', p.to);
  if (f.by === 'occurred') {
    if (f.kind) q = q.where('kind', '=', f.kind);
    if (f.channel) q = q.where('channel', '=', f.channel);
    if (f.repairClass) q = q.where('repair_class', '=', f.repairClass);
  } else {
    q = q.where('kind', '=', 'complaint');
    if (f.satisfaction !== undefined) q = q.where('satisfaction', f.satisfaction === null ? 'is' : '=', f.satisfaction);
  }
  const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const items = await q
    .select(['id', 'number', 'kind', 'channel', 'occurred_at', 'closed_at', 'description'])
    .orderBy(at)
    .orderBy('id')
    .limit(p.pageSize)
    .offset((p.page - 1) * p.pageSize)
    .execute();
  return { items, total: Number(total.n) };
}

/** Case numbers by id, within the estate. */
export async function caseNumbers(db: Db, estateId: string, ids: readonly string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await db.selectFrom('cases').select(['id', 'number']).where('estate_id', '=', estateId).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.number]));
}
