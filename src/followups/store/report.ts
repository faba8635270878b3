import type { Kysely } from 'kysely';
import { caseField } from '../../cases/index.js';
import type { Database } from '../../platform/db/schema.js';
import { noticeCode } from '../rules.js';
import '../tables.js';

/**
 * What the monthly report reads of follow-ups: visits recorded in a period by result and score
 * (R-FU-4), the month's spot-check verdicts (R-FU-5), rectification notices issued and when they
 * were acknowledged (R-RC-1, R-RC-2), the records behind each figure, and what a deadline's
 * subject is (its case and a label).
 */
type Db = Kysely<Database>;
export interface FollowUpPeriod {
  estateId: string;
  from: string;
  to: string;
}

/** Visits performed in the period with a recorded result, by result: how many, and their staff-recorded scores. */
export async function followUpResultRows(db: Db, p: FollowUpPeriod) {
  const rows = await db
    .selectFrom('followups')
    .select((eb) => [
      'result',
      eb.fn.countAll<number>().as('n'),
      eb.fn.count<number>('satisfaction').as('scored'),
      eb.fn.sum<number>('satisfaction').as('score_sum'),
    ])
    .where('estate_id', '=', p.estateId)
    .where('performed_at', '>=', p.from)
    .where('performed_at', '<', p.to)
    .where('result', 'is not', null)
    .groupBy('result')
    .execute();
  return rows.map((r) => ({
    result: r.result as string,
    count: Number(r.n),
    scored: Number(r.scored),
    scoreSum: Number(r.score_sum ?? 0),
  }));
}

/** The month's spot check: whether it was drawn, and its sampled follow-ups by verdict (null: none yet). */
export async function spotCheckVerdictRows(db: Db, estateId: string, month: string) {
  const check = await db
    .selectFrom('spot_checks')
    .select(['id', 'drawn_at'])
    .where('estate_id', '=', estateId)
    .where('month', '=', month)
    .executeTakeFirst();
  if (!check) return { drawn: false, verdicts: [] };
  const rows = await db
    .selectFrom('spot_check_items')
    .select((eb) => ['verdict', eb.fn.countAll<number>().as('n')])
    .where('spot_check_id', '=', check.id)
    .groupBy('verdict')
    .execute();
  return { drawn: check.drawn_at !== null, verdicts: rows.map((r) => ({ verdict: r.verdict, count: Number(r.n) })) };
}

/** Notices issued in the period (not voided) with when each was acknowledged. */
export async function noticeAcknowledgements(db: Db, p: FollowUpPeriod) {
  return db
    .selectFrom('rectification_notices')
    .select(['issued_at', 'acknowledged_at'])
    .where('estate_id', '=', p.estateId)
    .where('issued_at', '>=', p.from)
    .where('issued_at', '<', p.to)
    .where('voided_at', 'is', null)
    .execute();
}

export type FollowUpFigureFilter =
  | { of: 'visits'; result?: string }
  | { of: 'spotCheck'; month: string; verdict?: string | null }
  | { of: 'notices'; acknowledgedBy?: { asOf: string; acknowledged: boolean } };

export interface FollowUpRecord {
  type: 'followup' | 'notice';
  id: string;
  case_id: string;
  label: string | null;
  at: string;
  due_at: string | null;
  met_at: string | null;
  detail: string | null;
}

type Page = { page: number; pageSize: number };
const offset = (p: Page) => (p.page - 1) * p.pageSize;

/** The follow-ups or notices behind a figure, oldest first, a page at a time. */
export async function followUpRecordsOfFigure(
  db: Db,
  p: FollowUpPeriod & Page & { filter: FollowUpFigureFilter },
): Promise<{ items: FollowUpRecord[]; total: number }> {
  const f = p.filter;
  if (f.of === 'notices') {
    let q = db
      .selectFrom('rectification_notices as n')
      .where('n.estate_id', '=', p.estateId)
      .where('n.issued_at', '>=', p.from)
      .where('n.issued_at', '<', p.to)
      .where('n.voided_at', 'is', null);
    const ack = f.acknowledgedBy;
    if (ack)
      q = ack.acknowledged
        ? q.where('n.acknowledged_at', '<=', ack.asOf)
        : q.where((eb) => eb.or([eb('n.acknowledged_at', 'is', null), eb('n.acknowledged_at', '>', ack.asOf)]));
    const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const rows = await q
      .select(['n.id', 'n.case_id', 'n.year', 'n.number', 'n.issued_at', 'n.issue_due_at', 'n.acknowledged_at', 'n.problem'])
      .orderBy('n.issued_at')
      .orderBy('n.id')
      .limit(p.pageSize)
      .offset(offset(p))
      .execute();
    const items = rows.map((r) => ({
      type: 'notice' as const,
      id: r.id,
      case_id: r.case_id,
      label: noticeCode(Number(r.year), Number(r.number)),
      at: r.issued_at,
      due_at: null,
      met_at: r.acknowledged_at,
      detail: r.problem,
    }));
    return { items, total: Number(total.n) };
  }
  let q = db.selectFrom('followups as f').where('f.estate_id', '=', p.estateId);
  if (f.of === 'visits') {
    q = q.where('f.performed_at', '>=', p.from).where('f.performed_at', '<', p.to).where('f.result', 'is not', null);
    if (f.result) q = q.where('f.result', '=', f.result);
  } else {
    q = q.where('f.id', 'in', (eb) => {
      let items = eb
        .selectFrom('spot_check_items as i')
        .innerJoin('spot_checks as s', 's.id', 'i.spot_check_id')
        .select('i.followup_id')
        .where('s.estate_id', '=', p.estateId)
        .where('s.month', '=', f.month);
      if (f.verdict !== undefined) items = items.where('i.verdict', f.verdict === null ? 'is' : '=', f.verdict);
      return items;
    });
  }
  const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await q
    .select((eb) => [
      'f.id',
      'f.case_id',
      'f.performed_at',
      'f.opened_at',
      'f.due_at',
      'f.result',
      'f.resident_words',
      caseField(eb.ref('f.case_id'), 'number').as('case_number'),
    ])
    .orderBy('f.performed_at')
    .orderBy('f.id')
    .limit(p.pageSize)
    .offset(offset(p))
    .execute();
  const items = rows.map((r) => ({
    type: 'followup' as const,
    id: r.id,
    case_id: r.case_id,
    label: r.case_number,
    at: r.performed_at ?? r.opened_at,
    due_at: r.due_at,
    met_at: r.performed_at,
    detail: r.resident_words,
  }));
  return { items, total: Number(total.n) };
}

/** What a deadline's subject of follow-ups is: its case and a label, by subject type and id. */
export async function followUpSubjects(db: Db, estateId: string, subjectType: string, ids: readonly string[]) {
  if (!ids.length) return [];
  if (subjectType === 'rectification_notice') {
    const rows = await db
      .selectFrom('rectification_notices')
      .select(['id', 'case_id', 'year', 'number'])
      .where('estate_id', '=', estateId)
      .where('id', 'in', ids)
      .execute();
    return rows.map((r) => ({ id: r.id, caseId: r.case_id as string | null, label: noticeCode(Number(r.year), Number(r.number)) }));
  }
  if (subjectType === 'followup') {
    const rows = await db
      .selectFrom('followups as f')
      .select((eb) => ['f.id', 'f.case_id', caseField(eb.ref('f.case_id'), 'number').as('case_number')])
      .where('f.estate_id', '=', estateId)
      .where('f.id', 'in', ids)
      .execute();
    return rows.map((r) => ({ id: r.id, caseId: r.case_id as string | null, label: r.case_number ?? '' }));
  }
  if (subjectType === 'spot_check_item') {
    const rows = await db
      .selectFrom('spot_check_items as i')
      .innerJoin('followups as f', 'f.id', 'i.followup_id')
      .select((eb) => ['i.id', 'f.case_id', caseField(eb.ref('f.case_id'), 'number').as('case_number')])
      .where('i.estate_id', '=', estateId)
      .where('i.id', 'in', ids)
      .execute();
    return rows.map((r) => ({ id: r.id, caseId: r.case_id as string | null, label: r.case_number ?? '' }));
  }
  if (subjectType === 'spot_check') {
    const rows = await db
      .selectFrom('spot_checks')
      .select(['id', 'month'])
      .where('estate_id', '=', estateId)
      .where('id', 'in', ids)
      .execute();
    return rows.map((r) => ({ id: r.id, caseId: null, label: r.month }));
  }
  return [];
}
