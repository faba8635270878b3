import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import '../tables.js';

/**
 * What the monthly report reads of the front desk: calls logged, messages taken, call-backs
 * made (R-PH-2..4), walk-in visits and their waits (R-WK-1, R-WK-4) in a period, the records
 * behind each figure, and what a deadline's subject is (a message or a visit).
 */
type Db = Kysely<Database>;
export interface DeskPeriod {
  estateId: string;
  from: string;
  to: string;
}
export type DeskFigure = 'calls' | 'messages' | 'callBacks' | 'visits';

const SOURCES = {
  calls: { table: 'calls', at: 'started_at' },
  messages: { table: 'messages', at: 'taken_at' },
  callBacks: { table: 'messages', at: 'called_back_at' },
  visits: { table: 'visits', at: 'arrived_at' },
} as const;

/** How many calls, messages, call-backs and visits fell in the period. */
export async function deskCounts(db: Db, p: DeskPeriod): Promise<Record<DeskFigure, number>> {
  const out = { calls: 0, messages: 0, callBacks: 0, visits: 0 };
  for (const figure of Object.keys(SOURCES) as DeskFigure[]) {
    const s = SOURCES[figure];
    const r = await db
      .selectFrom(s.table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('estate_id', '=', p.estateId)
      .where(s.at, '>=', p.from)
      .where(s.at, '<', p.to)
      .executeTakeFirstOrThrow();
    out[figure] = Number(r.n);
  }
  return out;
}

/** The visits that arrived in the period: when each arrived and was received (its wait, R-WK-1). */
export async function visitWaits(db: Db, p: DeskPeriod) {
  return db
    .selectFrom('visits')
    .select(['id', 'arrived_at', 'received_at', 'purpose', 'visitor_name'])
    .where('estate_id', '=', p.estateId)
    .where('arrived_at', '>=', p.from)
    .where('arrived_at', '<', p.to)
    .orderBy('arrived_at')
    .orderBy('id')
    .execute();
}

export interface DeskRecord {
  type: 'call' | 'message' | 'visit';
  id: string;
  case_id: string | null;
  label: string;
  at: string;
  due_at: string | null;
  met_at: string | null;
  detail: string | null;
}

/** The records behind a desk figure, oldest first, a page at a time. */
export async function deskRecordsOfFigure(
  db: Db,
  p: DeskPeriod & { figure: DeskFigure; page: number; pageSize: number },
): Promise<{ items: DeskRecord[]; total: number }> {
  const s = SOURCES[p.figure];
  const skip = (p.page - 1) * p.pageSize;
  const count = async () =>
    Number(
      (
        await db
          .selectFrom(s.table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('estate_id', '=', p.estateId)
          .where(s.at, '>=', p.from)
          .where(s.at, '<', p.to)
          .executeTakeFirstOrThrow()
      ).n,
    );
  if (p.figure === 'calls') {
    const rows = await db
      .selectFrom('calls')
      .select(['id', 'case_id', 'started_at', 'caller_name', 'caller_phone', 'note'])
      .where('estate_id', '=', p.estateId)
      .where('started_at', '>=', p.from)
      .where('started_at', '<', p.to)
      .orderBy('started_at')
      .orderBy('id')
      .limit(p.pageSize)
      .offset(skip)
      .execute();
    const items = rows.map((r) => ({
      type: 'call' as const,
      id: r.id,
      case_id: r.case_id,
      label: r.caller_name ?? r.caller_phone ?? '-',
      at: r.started_at,
      due_at: null,
      met_at: null,
      detail: r.note,
    }));
    return { items, total: await count() };
  }
  if (p.figure === 'visits') {
    const rows = await db
      .selectFrom('visits')
      .select(['id', 'case_id', 'arrived_at', 'received_at', 'visitor_name', 'note'])
      .where('estate_id', '=', p.estateId)
      .where('arrived_at', '>=', p.from)
      .where('arrived_at', '<', p.to)
      .orderBy('arrived_at')
      .orderBy('id')
      .limit(p.pageSize)
      .offset(skip)
      .execute();
    const items = rows.map((r) => ({
      type: 'visit' as const,
      id: r.id,
      case_id: r.case_id,
      label: r.visitor_name ?? '-',
      at: r.arrived_at,
      due_at: null,
      met_at: r.received_at,
      detail: r.note,
    }));
    return { items, total: await count() };
  }
  const at = s.at as 'taken_at' | 'called_back_at';
  const rows = await db
    .selectFrom('messages')
    .select(['id', 'taken_at', 'callback_due_at', 'called_back_at', 'caller_name', 'text'])
    .where('estate_id', '=', p.estateId)
    .where(at, '>=', p.from)
    .where(at, '<', p.to)
    .orderBy(at)
    .orderBy('id')
    .limit(p.pageSize)
    .offset(skip)
    .execute();
  const items = rows.map((r) => ({
    type: 'message' as const,
    id: r.id,
    case_id: null,
    label: r.caller_name,
    at: (p.figure === 'callBacks' ? r.called_back_at : r.taken_at) ?? r.taken_at,
    due_at: r.callback_due_at,
    met_at: r.called_back_at,
    detail: r.text,
  }));
  return { items, total: await count() };
}

/** What a deadline's subject of the desk is: a message (its caller) or a visit (its visitor). */
export async function deskSubjects(db: Db, estateId: string, subjectType: string, ids: readonly string[]) {
  if (!ids.length) return [];
  if (subjectType === 'message') {
    const rows = await db
      .selectFrom('messages')
      .select(['id', 'caller_name'])
      .where('estate_id', '=', estateId)
      .where('id', 'in', ids)
      .execute();
    return rows.map((r) => ({ id: r.id, caseId: null, label: r.caller_name }));
  }
  if (subjectType === 'visit') {
    const rows = await db
      .selectFrom('visits')
      .select(['id', 'case_id', 'visitor_name', 'purpose'])
      .where('estate_id', '=', estateId)
      .where('id', 'in', ids)
      .execute();
    return rows.map((r) => ({ id: r.id, caseId: r.case_id, label: r.visitor_name ?? r.purpose }));
  }
  return [];
}
