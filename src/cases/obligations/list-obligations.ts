import type { z } from 'zod';
import { type Actor, requireAbility } from '../../auth/index.js';
import type { ListObligationsQuery } from '../../contract/cases.js';
import { staffInEstate } from '../../directory/index.js';
import type { AppContext } from '../../platform/context.js';
import { queueQuery } from '../../platform/obligations/index.js';
import { CASE_SUBJECT } from '../access.js';
import { presentObligation } from '../present.js';
import { queuePage } from './queue.store.js';

/** The estate's deadline queues: open, due soon, overdue, mine, my department, escalated; judged as of `asOf`. */
export async function listObligations(
  ctx: AppContext,
  opts: { actor: Actor; estateId: string; query: z.infer<typeof ListObligationsQuery> },
) {
  requireAbility(opts.actor, opts.estateId, 'obligation.read');
  const q = opts.query;
  const asOf = q.asOf ? new Date(q.asOf) : ctx.clock.now();
  const me = await staffInEstate(ctx.db, opts.estateId, opts.actor.id);
  const base = queueQuery(ctx.db, {
    estateId: opts.estateId,
    queue: q.queue,
    asOf: asOf.toISOString(),
    withinHours: q.withinHours,
    staffId: opts.actor.id,
    departmentIds: me?.department_id ? [me.department_id] : [],
    rule: q.rule,
  });
  const { n } = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await queuePage(base, { page: q.page, pageSize: q.pageSize, caseSubject: CASE_SUBJECT });
  return { items: rows.map((r) => presentObligation(r, asOf, q.withinHours)), total: Number(n), page: q.page, pageSize: q.pageSize };
}
