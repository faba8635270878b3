import { DateTime } from 'luxon';
import type { z } from 'zod';
import { type Actor, requireAbility } from '../../auth/index.js';
import type { ListPbxCallsQuery, PbxCall } from '../../contract/telephony.js';
import { estateSettings } from '../../directory/index.js';
import type { AppContext } from '../../platform/context.js';
import { presentPbxCall } from '../present.js';
import { answeredInTime } from '../rules.js';
import { pageOfPbxCalls, pbxCallsByIds, pbxCallTimes } from '../store/calls.js';

/**
 * The calls as the PBX reported them, newest first: a date (or a range from/to) in days of the estate's zone; `only`
 * keeps the answered calls the desk has not logged (R-PH-4) or those answered late (R-PH-5).
 */
export async function listPbxCalls(ctx: AppContext, opts: { actor: Actor; estateId: string; query: z.infer<typeof ListPbxCallsQuery> }) {
  requireAbility(opts.actor, opts.estateId, 'pbx.read');
  const q = opts.query;
  const estate = await estateSettings(ctx.db, opts.estateId);
  const limit = estate.policy.answerWithinSeconds;
  const dayStart = (d: string) => DateTime.fromISO(d, { zone: estate.timeZone }).startOf('day');
  const first = q.date ?? q.from;
  const last = q.date ?? q.to;
  const filters = {
    ...(first && { from: dayStart(first).toUTC().toISO() ?? '' }),
    ...(last && { to: dayStart(last).plus({ days: 1 }).toUTC().toISO() ?? '' }),
    extension: q.extension,
    state: q.state,
    notLogged: q.only === 'not_logged',
  };
  const present = (rows: Parameters<typeof presentPbxCall>[0][]): PbxCall[] => rows.map((r) => presentPbxCall(r, limit));
  if (q.only !== 'late') {
    const { rows, total } = await pageOfPbxCalls(ctx.db, estate.id, filters, { page: q.page, pageSize: q.pageSize });
    return { items: present(rows), total, page: q.page, pageSize: q.pageSize };
  }
  // Late is a difference of two times against the policy: worked out here, the same on both engines.
  const late = (await pbxCallTimes(ctx.db, estate.id, { ...filters, answered: true })).filter((c) => answeredInTime(c, limit) === false);
  const ids = late.slice((q.page - 1) * q.pageSize, q.page * q.pageSize).map((c) => c.id);
  return { items: present(await pbxCallsByIds(ctx.db, estate.id, ids)), total: late.length, page: q.page, pageSize: q.pageSize };
}
