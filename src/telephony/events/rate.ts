import { AppError } from '../../platform/errors.js';

/**
 * A cap on the call events one address may send one estate: a busy office's PBX sends a few
 * events a call, far under it; a flood from elsewhere is refused (429) before any secret is tried.
 * Counted per minute in memory (per server process).
 */
export class EventRate {
  private readonly windows = new Map<string, { start: number; count: number }>();
  constructor(private readonly perMinute: number) {}

  /** Counts one event of this estate code and address at `now`; refuses past the cap. */
  take(estateCode: string, ip: string, now: Date): void {
    const key = `${estateCode.toUpperCase()} ${ip}`;
    const start = Math.floor(now.getTime() / 60_000) * 60_000;
    let w = this.windows.get(key);
    if (!w || w.start !== start) {
      if (this.windows.size >= 10_000) this.windows.clear();
      w = { start, count: 0 };
      this.windows.set(key, w);
    }
    w.count += 1;
    if (w.count > this.perMinute) {
      const retryAfterSeconds = Math.max(1, Math.ceil((start + 60_000 - now.getTime()) / 1000));
      throw new AppError('rate_limited', 'too many call events from this address; try again shortly', { retryAfterSeconds });
    }
  }
}
