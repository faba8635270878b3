import { describe, expect, it } from 'vitest';
import { addressRetryAfterSeconds, pairRetryAfterSeconds, sessionTouchAfterMs } from './limits.js';

describe('sessionTouchAfterMs', () => {
  it.each([
    [1, 6_000],
    [5, 30_000],
    [10, 60_000],
    [240, 60_000],
  ])('an idle limit of %i minute(s) refreshes last-seen after %i ms unused', (minutes, expected) => {
    expect(sessionTouchAfterMs(minutes * 60_000)).toBe(expected);
  });

  it('refreshes well within the limit, so a session in use never lapses', () => {
    for (const minutes of [1, 2, 3, 15, 60, 240, 1440])
      expect(sessionTouchAfterMs(minutes * 60_000)).toBeLessThanOrEqual((minutes * 60_000) / 10);
  });
});

describe('pairRetryAfterSeconds', () => {
  const now = new Date('2026-11-20T02:00:00.000Z');
  const secondsAgo = (s: number) => new Date(now.getTime() - s * 1_000).toISOString();
  it.each([
    [0, null, 0],
    [4, secondsAgo(0), 0],
    [5, secondsAgo(0), 30],
    [5, secondsAgo(10), 20],
    [5, secondsAgo(30), 0],
    [6, secondsAgo(0), 60],
    [7, secondsAgo(0), 120],
    [10, secondsAgo(0), 960],
    [12, secondsAgo(0), 3_600],
    [40, secondsAgo(0), 3_600],
  ])('%i failures, the last at %s: wait %i s', (failures, last, expected) => {
    expect(pairRetryAfterSeconds(failures, last, now)).toBe(expected);
  });
});

describe('addressRetryAfterSeconds', () => {
  const now = new Date('2026-11-20T02:00:00.000Z');
  const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000).toISOString();
  it('waits until the failures in the window drop below 20', () => {
    const nineteen = Array.from({ length: 19 }, () => minutesAgo(1));
    expect(addressRetryAfterSeconds(nineteen, now)).toBe(0);
    // Newest first: the 20th newest failure, 5 minutes old, leaves the 15-minute window in 10 minutes.
    expect(addressRetryAfterSeconds([...nineteen, minutesAgo(5)], now)).toBe(600);
    expect(addressRetryAfterSeconds([...nineteen, minutesAgo(15)], now)).toBe(0);
  });
});
