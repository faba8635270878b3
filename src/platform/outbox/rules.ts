/**
 * How the outbox retries. A failed delivery waits 1 minute, then 2, 4, 8 … up to an hour
 * between attempts; after the tenth attempt the row is marked failed and kept for people to see.
 */
export const MAX_ATTEMPTS = 10;
const FIRST_DELAY_MS = 60_000;
const LONGEST_DELAY_MS = 60 * 60_000;

/** The wait after the `attempts`-th attempt failed (attempts counts from 1). */
export function retryDelayMs(attempts: number): number {
  return Math.min(LONGEST_DELAY_MS, FIRST_DELAY_MS * 2 ** Math.max(0, attempts - 1));
}

export type AfterFailure = { status: 'pending'; nextAttemptAt: Date } | { status: 'failed' };

/** What becomes of a row whose `attempts`-th attempt failed at `now`. */
export function afterFailure(attempts: number, now: Date): AfterFailure {
  if (attempts >= MAX_ATTEMPTS) return { status: 'failed' };
  return { status: 'pending', nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempts)) };
}
