import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.js';
import { EventRate } from './rate.js';

describe('the cap on call events per estate and address', () => {
  it('lets the cap through in a minute, refuses the next with when to come back, and counts each estate and address apart', () => {
    const rate = new EventRate(3);
    const now = new Date('2026-11-20T02:00:15.000Z');
    for (let i = 0; i < 3; i++) rate.take('EST-A', '10.0.0.1', now);
    let refused: unknown;
    try {
      rate.take('est-a', '10.0.0.1', now);
    } catch (err) {
      refused = err;
    }
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).code).toBe('rate_limited');
    expect((refused as AppError).details.retryAfterSeconds).toBe(45);
    expect(() => rate.take('EST-A', '10.0.0.2', now)).not.toThrow();
    expect(() => rate.take('EST-B', '10.0.0.1', now)).not.toThrow();
    expect(() => rate.take('EST-A', '10.0.0.1', new Date('2026-11-20T02:01:00.000Z'))).not.toThrow();
  });
});
