import { DateTime } from 'luxon';
import type { z } from 'zod';
import { type Actor, requireAbility } from '../../auth/index.js';
import type { ListVisitsQuery } from '../../contract/frontdesk.js';
import { estateSettings } from '../../directory/index.js';
import type { AppContext } from '../../platform/context.js';
import { presentVisit } from '../present.js';
import { pageOfVisits } from '../store/visits.js';

/** R-WK-4: visits: waiting (the queue, with the wait limit), being served, today's in the estate's time zone. */
export async function listVisits(ctx: AppContext, opts: { actor: Actor; estateId: string; query: z.infer<typeof ListVisitsQuery> }) {
  requireAbility(opts.actor, opts.estateId, 'visit.read');
  const q = opts.query;
  const estate = await estateSettings(ctx.db, opts.estateId);
  const asOf = q.asOf ? new Date(q.asOf) : ctx.clock.now();
  const since =
    q.status === 'today' ? (DateTime.fromJSDate(asOf, { zone: estate.timeZone }).startOf('day').toUTC().toISO() ?? '') : undefined;
  const { rows, total } = await pageOfVisits(
    ctx.db,
    opts.estateId,
    { status: q.status, since, newestFirst: q.status === 'departed' || q.status === 'all' },
    { page: q.page, pageSize: q.pageSize },
  );
  return { items: rows.map((r) => presentVisit(r, estate.policy, asOf)), total, page: q.page, pageSize: q.pageSize };
}
