import type { z } from 'zod';
import { type Actor, requireAbility } from '../../auth/index.js';
import type { ListFollowUpsQuery } from '../../contract/followups.js';
import { estateSettings } from '../../directory/index.js';
import type { AppContext } from '../../platform/context.js';
import { dayBounds, monthBounds } from '../rules.js';
import { followUpQueue } from '../store/follow-ups.js';
import { presentFollowUps } from './load.js';

/** R-FU-4: the follow-up queue (due today in the estate's calendar, overdue, awaiting rain, open, done, flagged), with each queue's size. */
export async function listFollowUps(ctx: AppContext, opts: { actor: Actor; estateId: string; query: z.infer<typeof ListFollowUpsQuery> }) {
  requireAbility(opts.actor, opts.estateId, 'followup.read');
  const q = opts.query;
  const estate = await estateSettings(ctx.db, opts.estateId);
  const asOf = q.asOf ? new Date(q.asOf) : ctx.clock.now();
  const asOfIso = asOf.toISOString();
  const assignee = q.assignee === 'me' ? { id: opts.actor.id } : q.assignee === 'none' ? null : q.assignee ? { id: q.assignee } : undefined;
  const { rows, total, counts } = await followUpQueue(ctx.db, {
    estateId: opts.estateId,
    queue: q.queue,
    asOf: asOfIso,
    todayEnd: dayBounds(asOfIso, estate.timeZone).end,
    filter: {
      repairClass: q.repairClass,
      kind: q.kind,
      result: q.result,
      caseId: q.caseId,
      assignee,
      performedIn: q.month ? monthBounds(q.month, estate.timeZone) : undefined,
    },
    page: q.page,
    pageSize: q.pageSize,
  });
  return { items: await presentFollowUps(ctx.db, rows, asOf), total, page: q.page, pageSize: q.pageSize, counts };
}
