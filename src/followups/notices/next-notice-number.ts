import { type Actor, requireAbility } from '../../auth/index.js';
import { estateSettings } from '../../directory/index.js';
import type { AppContext } from '../../platform/context.js';
import { lastNumber } from '../../platform/counters.js';
import { noticeCode, yearOf } from '../rules.js';

/**
 * R-RC-2: the number the next notice would take, named in the confirmation before the desk
 * issues one (a number once issued is never given back). Read only: nothing is taken, and a
 * notice issued meanwhile by someone else takes it first.
 */
export async function nextNoticeNumber(ctx: AppContext, opts: { actor: Actor; estateId: string; at?: string | undefined }) {
  requireAbility(opts.actor, opts.estateId, 'notice.issue');
  const estate = await estateSettings(ctx.db, opts.estateId);
  const year = yearOf(opts.at ?? ctx.clock.now().toISOString(), estate.timeZone);
  const last = await lastNumber(ctx.db, { estateId: estate.id, name: 'rectification_notice', period: String(year) });
  return { year, code: noticeCode(year, last + 1) };
}
