import { sql } from 'kysely';
import type { z } from 'zod';
import { type Actor, can } from '../../auth/index.js';
import type { ListCasesQuery } from '../../contract/cases.js';
import type { AppContext } from '../../platform/context.js';
import { obligationsOfSubjects, overdueSubjectIds } from '../../platform/obligations/index.js';
import { CASE_SUBJECT } from '../access.js';
import { presentCase } from '../present.js';
import { OPEN_STATUSES } from '../rules.js';
import { caseColumns, casesQuery, searchPage, whereMatches } from '../store.js';

/**
 * A page of the estate's cases by the list's filters, judged as of `asOf`. Someone without
 * `case.read` (maintenance staff) gets only their own: the repairs they hold and the cases
 * assigned to them.
 */
export async function queryCases(ctx: AppContext, opts: { actor: Actor; estateId: string; query: z.infer<typeof ListCasesQuery> }) {
  const q = opts.query;
  const asOf = q.asOf ? new Date(q.asOf) : ctx.clock.now();
  const direction = q.sort.startsWith('-') ? 'desc' : 'asc';
  if (q.q && isPlainSearch(q) && can(opts.actor, opts.estateId, 'case.read')) {
    // A search with nothing else to narrow it: its page and count come from the search index.
    const found = await searchPage(ctx.db, opts.estateId, q.q, { direction, limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
    return {
      items: await presentPage(ctx, opts.estateId, found.ids, direction, asOf),
      total: found.total,
      page: q.page,
      pageSize: q.pageSize,
    };
  }
  let base = casesQuery(ctx.db, opts.estateId);
  if (!can(opts.actor, opts.estateId, 'case.read')) {
    const me = opts.actor.id;
    base = base.where((eb) => eb.or([eb('cases.maintenance_id', '=', me), eb('cases.assignee_id', '=', me)]));
  }
  // "Open" as the literal the partial index of open cases is defined by (migration 0012).
  if (q.status === 'open') base = base.where('cases.status', '<>', sql.lit('closed'));
  else if (q.status) base = base.where('cases.status', '=', q.status);
  if (q.kind) base = base.where('cases.kind', '=', q.kind);
  if (q.channel) base = base.where('cases.channel', '=', q.channel);
  if (q.assigneeId) base = base.where('cases.assignee_id', '=', q.assigneeId);
  if (q.departmentId) base = base.where('cases.department_id', '=', q.departmentId);
  if (q.unitId) base = base.where('cases.unit_id', '=', q.unitId);
  if (q.escalated === 'true') base = base.where('cases.escalated_to', 'is not', null).where('cases.status', 'in', OPEN_STATUSES);
  if (q.escalated === 'false') base = base.where('cases.escalated_to', 'is', null);
  if (q.overdue) {
    const overdueIds = overdueSubjectIds(ctx.db, { estateId: opts.estateId, subjectType: CASE_SUBJECT, asOf: asOf.toISOString() });
    base = q.overdue === 'true' ? base.where('cases.id', 'in', overdueIds) : base.where('cases.id', 'not in', overdueIds);
  }
  if (q.q) base = whereMatches(ctx.db, base, opts.estateId, q.q);
  const { n } = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const column = { recordedAt: 'cases.recorded_at', occurredAt: 'cases.occurred_at', replyDueAt: 'cases.occurred_at' }[
    q.sort.replace('-', '') as 'recordedAt'
  ] as 'cases.recorded_at' | 'cases.occurred_at';
  // The page's ids first, then their columns (presentPage).
  const page = await base
    .select('cases.id')
    .orderBy(column, direction)
    .orderBy('cases.id', direction)
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();
  const items = await presentPage(
    ctx,
    opts.estateId,
    page.map((r) => r.id),
    direction,
    asOf,
    column,
  );
  if (q.sort === 'replyDueAt') items.sort((a, b) => (a.replyDueAt ?? '9999').localeCompare(b.replyDueAt ?? '9999'));
  return { items, total: Number(n), page: q.page, pageSize: q.pageSize };
}

type ListQuery = z.infer<typeof ListCasesQuery>;

/** A search by words alone, newest or oldest recorded first: nothing but the index decides the page. */
function isPlainSearch(q: ListQuery): boolean {
  const narrowed = [q.status, q.kind, q.channel, q.assigneeId, q.departmentId, q.unitId, q.escalated, q.overdue].some(
    (v) => v !== undefined,
  );
  return !narrowed && (q.sort === '-recordedAt' || q.sort === 'recordedAt');
}

/**
 * The page's cases by their ids, in the page's order, with their names and deadlines: the
 * names beside a case are subqueries, read for the page's rows only.
 */
async function presentPage(
  ctx: AppContext,
  estateId: string,
  ids: string[],
  direction: 'asc' | 'desc',
  asOf: Date,
  column: 'cases.recorded_at' | 'cases.occurred_at' = 'cases.recorded_at',
) {
  if (!ids.length) return [];
  const rows = await casesQuery(ctx.db, estateId)
    .select(caseColumns)
    .where('cases.id', 'in', ids)
    .orderBy(column, direction)
    .orderBy('cases.id', direction)
    .execute();
  const obligations = await obligationsOfSubjects(
    ctx.db,
    CASE_SUBJECT,
    rows.map((r) => r.id),
  );
  return rows.map((r) =>
    presentCase(
      r,
      obligations.filter((o) => o.subject_id === r.id),
      asOf,
    ),
  );
}
