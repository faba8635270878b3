import { type Actor, requireAbility } from '../auth/index.js';
import type { SweepResult } from '../contract/reports.js';
import { staffNames } from '../directory/index.js';
import type { AppContext } from '../platform/context.js';
import { sweep } from '../platform/obligations/index.js';

/**
 * The deadline sweep of one estate, run now instead of at the next interval: what it found past
 * due, marked breached and escalated (to whom). Idempotent: a second run finds nothing new.
 */
export async function sweepNow(ctx: AppContext, opts: { actor: Actor; estateId: string }): Promise<SweepResult> {
  requireAbility(opts.actor, opts.estateId, 'sweep.run');
  const now = ctx.clock.now();
  const result = await sweep(ctx, now, { estateId: opts.estateId });
  const names = await staffNames(ctx.db, [...new Set(result.breaches.flatMap((b) => (b.escalated_to ? [b.escalated_to] : [])))]);
  return {
    ranAt: now.toISOString(),
    breached: result.breached,
    breaches: result.breaches.map((b) => ({
      rule: b.rule,
      subjectType: b.subject_type,
      subjectId: b.subject_id,
      dueAt: b.due_at,
      escalatedTo: b.escalated_to,
      escalatedToName: b.escalated_to ? (names.get(b.escalated_to) ?? null) : null,
    })),
  };
}
