/**
 * The load generator: `connections` workers, each making one call after another for a fixed
 * time (or until `limit` calls were started), timing every call to the microsecond. A call is
 * one operation as a person's screen makes it (one request, or the two of the dashboard).
 */
export interface LoadOptions {
  connections: number;
  seconds: number;
  /**
   * Calls before the measured time, at the same concurrency and not counted, for `seconds` or
   * until `maxCalls` were made: connections opened, statements prepared, the code compiled by
   * the JIT and the pages it reads cached. Twenty calls were too few: the first half second of
   * a measurement then held most of its slowest calls.
   */
  warmup?: { seconds: number; maxCalls?: number };
  /** At most this many measured calls (an operation that uses up prepared records). */
  limit?: number;
  /** One call; rejects unless every answer was 2xx. The index counts from 0 over the measured calls (negative in the warm-up). */
  call: (i: number) => Promise<void>;
}

export interface LoadResult {
  calls: number;
  failed: number;
  seconds: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** The first failures' messages, to tell what went wrong. */
  errors: string[];
  /** Calls made in the warm-up. */
  warmupCalls: number;
}

export function percentile(sorted: Float64Array, p: number): number {
  if (!sorted.length) return 0;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? 0;
}

export async function drive(opts: LoadOptions): Promise<LoadResult> {
  const errors: string[] = [];
  const note = (message: string) => {
    if (errors.length < 5) errors.push(message);
  };
  const warmupEnd = process.hrtime.bigint() + BigInt(Math.round((opts.warmup?.seconds ?? 0) * 1e9));
  const warmupMax = opts.warmup?.maxCalls ?? Number.POSITIVE_INFINITY;
  let warmupCalls = 0;
  await Promise.all(
    Array.from({ length: opts.warmup ? opts.connections : 0 }, async () => {
      while (warmupCalls < warmupMax && process.hrtime.bigint() < warmupEnd) {
        warmupCalls++;
        await opts.call(-warmupCalls).catch((err: unknown) => note(`warm-up: ${(err as Error).message}`));
      }
    }),
  );

  const limit = opts.limit ?? Number.POSITIVE_INFINITY;
  let latencies = new Float64Array(4096);
  let calls = 0;
  let failed = 0;
  let started = 0;
  const began = process.hrtime.bigint();
  const endAt = began + BigInt(Math.round(opts.seconds * 1e9));
  const worker = async () => {
    while (started < limit && process.hrtime.bigint() < endAt) {
      const i = started++;
      const t0 = process.hrtime.bigint();
      let ok = true;
      try {
        await opts.call(i);
      } catch (err) {
        ok = false;
        note((err as Error).message);
      }
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      if (calls === latencies.length) {
        const grown = new Float64Array(latencies.length * 2);
        grown.set(latencies);
        latencies = grown;
      }
      latencies[calls++] = ms;
      if (!ok) failed++;
    }
  };
  await Promise.all(Array.from({ length: opts.connections }, worker));
  const seconds = Number(process.hrtime.bigint() - began) / 1e9;
  const sorted = latencies.slice(0, calls).sort();
  return {
    calls,
    failed,
    seconds,
    perSecond: calls / seconds,
    p50Ms: percentile(sorted, 50),
    p99Ms: percentile(sorted, 99),
    maxMs: sorted.length ? (sorted[sorted.length - 1] ?? 0) : 0,
    errors,
    warmupCalls,
  };
}
