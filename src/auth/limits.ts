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

/**
 * Sign-in throttling. Failures are counted per account *and* address together, so nobody can lock
 * another person out by guessing wrong from their own machine: after a few free failures each
 * further one doubles the wait before that address may try that account again. One address is
 * also capped across accounts (someone trying many usernames).
 */
export const LOGIN_LIMITS = {
  /** Failures of one account from one address that need no wait. */
  freeFailures: 5,
  /** The wait after the first failure beyond the free ones; each further failure doubles it. */
  firstDelaySeconds: 30,
  maxDelaySeconds: 3_600,
  /** How long failures of an account from an address count (a successful sign-in forgets them). */
  memoryMinutes: 24 * 60,
  /** Failures from one address across all accounts within the window. */
  perAddress: 20,
  addressWindowMinutes: 15,
} as const;

const secondsUntil = (at: number, now: Date) => Math.max(0, Math.ceil((at - now.getTime()) / 1_000));

/**
 * Seconds an address must wait before trying an account again, given the failures of that pair
 * (since its last success) and when the latest was: none for the first few, then 30 s, 60 s, …
 */
export function pairRetryAfterSeconds(failures: number, lastFailureAt: string | null, now: Date): number {
  if (failures < LOGIN_LIMITS.freeFailures || !lastFailureAt) return 0;
  const delay = Math.min(LOGIN_LIMITS.maxDelaySeconds, LOGIN_LIMITS.firstDelaySeconds * 2 ** (failures - LOGIN_LIMITS.freeFailures));
  return secondsUntil(new Date(lastFailureAt).getTime() + delay * 1_000, now);
}

/**
 * Seconds an address must wait before trying any account, given the times of its failures within
 * the window, newest first: until enough of them have left the window to go below the cap.
 */
export function addressRetryAfterSeconds(failuresNewestFirst: readonly string[], now: Date): number {
  const blocking = failuresNewestFirst[LOGIN_LIMITS.perAddress - 1];
  if (!blocking) return 0;
  return secondsUntil(new Date(blocking).getTime() + LOGIN_LIMITS.addressWindowMinutes * 60_000, now);
}
