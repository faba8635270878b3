import { type ExpressionBuilder, type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema.js';
import './tables.js';

/**
 * The monthly report's reading of the deadline engine: the deadlines of a rule that fell due in a
 * period, and where each stood at an instant: met on time, met late, or still open (overdue when
 * its due time had passed). A deadline cancelled by then (its subject withdrawn) is not counted.
 */
type Db = Kysely<Database>;
export type DeadlineState = 'onTime' | 'late' | 'open' | 'overdue';

export interface DeadlinePeriod {
  estateId: string;
  /** Due at or after `from` and before `to`. */
  from: string;
  to: string;
  asOf: string;
}

export interface RuleCounts {
  rule: string;
  due: number;
  onTime: number;
  late: number;
  open: number;
  overdue: number;
}

function dueIn(db: Db, p: DeadlinePeriod) {
  return db
    .selectFrom('obligations')
    .where('estate_id', '=', p.estateId)
    .where('due_at', '>=', p.from)
    .where('due_at', '<', p.to)
    .where((eb) => eb.or([eb('cancelled_at', 'is', null), eb('cancelled_at', '>', p.asOf)]));
}

function stateFilter(eb: ExpressionBuilder<Database, 'obligations'>, state: DeadlineState, asOf: string) {
  const met = eb.and([eb('met_at', 'is not', null), eb('met_at', '<=', asOf)]);
  const open = eb.or([eb('met_at', 'is', null), eb('met_at', '>', asOf)]);
  if (state === 'onTime') return eb.and([met, eb('met_at', '<=', eb.ref('due_at'))]);
  if (state === 'late') return eb.and([met, eb('met_at', '>', eb.ref('due_at'))]);
  if (state === 'open') return open;
  return eb.and([open, eb('due_at', '<', asOf)]);
}

/** Per rule: how many fell due in the period and where they stood at `asOf`. */
export async function deadlineCountsByRule(db: Db, p: DeadlinePeriod, rules: readonly string[]): Promise<RuleCounts[]> {
  if (!rules.length) return [];
  const a = p.asOf;
  const rows = await dueIn(db, p)
    .where('rule', 'in', rules)
    .select((eb) => [
      'rule',
      eb.fn.countAll<number>().as('due'),
      sql<number>`sum(case when met_at is not null and met_at <= ${a} and met_at <= due_at then 1 else 0 end)`.as('on_time'),
      sql<number>`sum(case when met_at is not null and met_at <= ${a} and met_at > due_at then 1 else 0 end)`.as('late'),
      sql<number>`sum(case when met_at is null or met_at > ${a} then 1 else 0 end)`.as('open'),
      sql<number>`sum(case when (met_at is null or met_at > ${a}) and due_at < ${a} then 1 else 0 end)`.as('overdue'),
    ])
    .groupBy('rule')
    .execute();
  const byRule = new Map(rows.map((r) => [r.rule, r]));
  return rules.map((rule) => {
    const r = byRule.get(rule);
    return {
      rule,
      due: Number(r?.due ?? 0),
      onTime: Number(r?.on_time ?? 0),
      late: Number(r?.late ?? 0),
      open: Number(r?.open ?? 0),
      overdue: Number(r?.overdue ?? 0),
    };
  });
}

/** The deadlines behind one figure of `deadlineCountsByRule`, by due time, a page at a time. */
export async function deadlinesOfRule(
  db: Db,
  p: DeadlinePeriod & { rule: string; state: DeadlineState | null; page: number; pageSize: number },
) {
  const base = dueIn(db, p)
    .where('rule', '=', p.rule)
    .where((eb) => (p.state ? stateFilter(eb, p.state, p.asOf) : eb.lit(true)));
  const total = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const items = await base
    .select(['id', 'subject_type', 'subject_id', 'due_at', 'met_at', 'breached_at'])
    .orderBy('due_at')
    .orderBy('id')
    .limit(p.pageSize)
    .offset((p.page - 1) * p.pageSize)
    .execute();
  return { items, total: Number(total.n) };
}
