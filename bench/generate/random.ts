import { v7 } from 'uuid';

/** A seeded generator (mulberry32): the same seed gives the same database on every machine. */
export class Random {
  private s: number;
  constructor(seed: number) {
    this.s = seed >>> 0;
  }
  next(): number {
    this.s = (this.s + 0x6d2b79f5) >>> 0;
    let t = this.s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  between(min: number, max: number): number {
    return min + this.next() * (max - min);
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }
  /** One key of a table of weights, in proportion to its weight. */
  weighted<K extends string>(weights: Readonly<Record<K, number>>): K {
    const entries = Object.entries(weights) as [K, number][];
    let r = this.next() * entries.reduce((sum, [, w]) => sum + w, 0);
    for (const [key, w] of entries) {
      r -= w;
      if (r < 0) return key;
    }
    return (entries[entries.length - 1] as [K, number])[0];
  }
  /** An exponentially distributed wait with the given mean. */
  wait(mean: number): number {
    return -Math.log(1 - this.next()) * mean;
  }
  /** A UUID v7 for a record made at `ms`, its random bits from this generator (ADR 0001's ids, reproducible). */
  id(ms: number): string {
    const random = new Uint8Array(16);
    for (let i = 0; i < 16; i += 4) {
      const v = Math.floor(this.next() * 4294967296);
      random[i] = v & 0xff;
      random[i + 1] = (v >>> 8) & 0xff;
      random[i + 2] = (v >>> 16) & 0xff;
      random[i + 3] = (v >>> 24) & 0xff;
    }
    return v7({ msecs: ms, random });
  }
}

export const MINUTE = 60_000;
export const HOUR = 3_600_000;
export const DAY = 86_400_000;
export const iso = (ms: number): string => new Date(ms).toISOString();
