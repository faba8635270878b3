import type { AppContext } from './context.js';
import { AppError } from './errors.js';
import type { LiveEvent } from './live.js';

/** A 400 naming one body field, shaped like a schema validation error. */
export function invalidField(field: string, message: string): AppError {
  return new AppError('validation.failed', `${field}: ${message}`, { field, issues: [{ path: `body.${field}`, message }] });
}

/**
 * When something happened, as an API caller may say (`occurredAt`, `completedAt`, …): now when
 * not given; entered late, never early (a minute's grace for clocks); never before what it
 * follows (the repair it checks, the message it answers).
 */
export function occurredAt(
  value: string | undefined,
  now: Date,
  opts: { field?: string; notBefore?: { at: string | null; what: string } } = {},
): string {
  const field = opts.field ?? 'occurredAt';
  const at = value ? new Date(value) : now;
  if (at.getTime() > now.getTime() + 60_000) throw invalidField(field, 'cannot be in the future');
  if (opts.notBefore?.at && at.getTime() < new Date(opts.notBefore.at).getTime())
    throw invalidField(field, `cannot be before ${opts.notBefore.what}`);
  return at.toISOString();
}

/** Tells the screens what changed, once the transaction that changed it has committed. */
export async function publishAll(ctx: Pick<AppContext, 'live'>, events: readonly LiveEvent[]): Promise<void> {
  for (const e of events) await ctx.live.publish(e);
}
