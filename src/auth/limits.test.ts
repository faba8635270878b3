import { describe, expect, it } from 'vitest';
import { sessionTouchAfterMs } from './limits.js';

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
