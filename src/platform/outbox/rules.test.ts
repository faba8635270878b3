import { describe, expect, it } from 'vitest';
import { afterFailure, MAX_ATTEMPTS, retryDelayMs } from './rules.js';

const minute = 60_000;

describe('outbox retries', () => {
  it.each([
    [1, 1 * minute],
    [2, 2 * minute],
    [3, 4 * minute],
    [4, 8 * minute],
    [5, 16 * minute],
    [6, 32 * minute],
    [7, 60 * minute],
    [9, 60 * minute],
  ])('after attempt %i fails the next one waits %i ms', (attempts, delay) => {
    expect(retryDelayMs(attempts)).toBe(delay);
  });

  it('retries until the tenth attempt, then marks the row failed', () => {
    const now = new Date('2026-11-20T02:00:00.000Z');
    expect(afterFailure(MAX_ATTEMPTS - 1, now)).toEqual({ status: 'pending', nextAttemptAt: new Date('2026-11-20T03:00:00.000Z') });
    expect(afterFailure(MAX_ATTEMPTS, now)).toEqual({ status: 'failed' });
    expect(MAX_ATTEMPTS).toBe(10);
  });
});
