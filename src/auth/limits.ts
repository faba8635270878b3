/**
 * The numbers that keep sign-in and sessions safe, as pure functions handed the time, so they
 * can be tested as tables.
 */

/**
 * How long a session may go unused before its last-seen time is written again: a tenth of the
 * idle limit, so a session in use never comes near the limit, but at most once a minute (a busy
 * desk should not write on every request) and at least a second apart.
 */
export function sessionTouchAfterMs(idleLimitMs: number): number {
  return Math.min(60_000, Math.max(1_000, Math.floor(idleLimitMs / 10)));
}
