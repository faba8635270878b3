import { DateTime } from 'luxon';
import type { z } from 'zod';
import { type Actor, requireAbility } from '../../auth/index.js';
import type { ListCallsQuery } from '../../contract/frontdesk.js';
import { estateSettings } from '../../directory/index.js';
import type { AppContext } from '../../platform/context.js';
import { presentCall } from '../present.js';
import { pageOfCalls } from '../store/calls.js';

/** The call log, newest first; a date is a day in the estate's time zone. */
export async function listCalls(ctx: AppContext, opts: { actor: Actor; estateId: string; query: z.infer<typeof ListCallsQuery> }) {
  requireAbility(opts.actor, opts.estateId, 'call.read');
  const q = opts.query;
  const estate = await estateSettings(ctx.db, opts.estateId);
  const day = q.date ? DateTime.fromISO(q.date, { zone: estate.timeZone }).startOf('day') : null;
  const { rows, total } = await pageOfCalls(
    ctx.db,
    opts.estateId,
    {
      ...(day && { from: day.toUTC().toISO() ?? '', to: day.plus({ days: 1 }).toUTC().toISO() ?? '' }),
      purpose: q.purpose,
    },
    { page: q.page, pageSize: q.pageSize },
  );
  return { items: rows.map(presentCall), total, page: q.page, pageSize: q.pageSize };
}
