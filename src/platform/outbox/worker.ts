import type { Kysely } from 'kysely';
import type { Clock } from '../clock.js';
import type { Database } from '../db/schema.js';
import type { OutboxMessage, Transport } from './index.js';
import { afterFailure } from './rules.js';
import { claimNextMessage, markMessageSent, type OutboxRow, releaseFailedMessage } from './store.js';
import type { OutboxChannel } from './tables.js';

export interface OutboxLog {
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface OutboxWorkerOptions {
  db: Kysely<Database>;
  /** The worker owns its transports and closes them on stop(). */
  transports: Partial<Record<OutboxChannel, Transport>>;
  clock: Clock;
  log?: OutboxLog;
  /**
   * A claimed row whose worker neither delivered nor gave it back within this time (the process
   * died) is claimed again. Longer than any send may take, or a slow send would go out twice.
   */
  leaseMs?: number;
  /** At most this many messages a run, so a run ends even while messages keep arriving. */
  maxPerRun?: number;
}

export interface RunResult {
  sent: number;
  retrying: number;
  failed: number;
}

const silent: OutboxLog = { warn: () => {}, error: () => {} };

/**
 * Delivers due outbox rows. Each row is claimed with one conditional update (on PostgreSQL its
 * subquery takes the row with FOR UPDATE SKIP LOCKED), so of several workers, in one process or
 * many, exactly one holds it; the claim token then guards marking it sent or due again.
 * Only a worker that dies between sending and marking causes a repeat: its claim lapses and the
 * row goes again, with the same outbox id for the receiver to recognise.
 */
export class OutboxWorker {
  private readonly db: Kysely<Database>;
  private readonly transports: Partial<Record<OutboxChannel, Transport>>;
  private readonly clock: Clock;
  private readonly log: OutboxLog;
  private readonly leaseMs: number;
  private readonly maxPerRun: number;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;
  private stopped = false;

  constructor(opts: OutboxWorkerOptions) {
    this.db = opts.db;
    this.transports = opts.transports;
    this.clock = opts.clock;
    this.log = opts.log ?? silent;
    this.leaseMs = opts.leaseMs ?? 10 * 60_000;
    this.maxPerRun = opts.maxPerRun ?? 200;
  }

  /** Delivers every row due at `now`, one at a time; failures are scheduled again, never lost. */
  async runOnce(now: Date = this.clock.now()): Promise<RunResult> {
    const result: RunResult = { sent: 0, retrying: 0, failed: 0 };
    for (let i = 0; i < this.maxPerRun; i++) {
      const row = await this.claimNext(now);
      if (!row) break;
      result[await this.deliver(row, now)]++;
    }
    return result;
  }

  /** Runs every `intervalMs` until stop(); a run never overlaps the one before. */
  start(intervalMs = 5_000): void {
    if (this.timer || this.stopped) return;
    const tick = () => {
      this.running = this.runOnce(this.clock.now())
        .catch((err: unknown) => this.log.error({ err }, 'outbox run failed'))
        .finally(() => {
          this.running = null;
          if (!this.stopped) this.schedule(tick, intervalMs);
        });
    };
    this.schedule(tick, 0);
  }

  /** Stops the timer, waits for a run in progress and closes the transports. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
    await Promise.all(Object.values(this.transports).map((t) => t.close()));
  }

  private schedule(tick: () => void, ms: number): void {
    this.timer = setTimeout(tick, ms);
    this.timer.unref();
  }

  private async claimNext(now: Date): Promise<OutboxRow | undefined> {
    const channels = (Object.keys(this.transports) as OutboxChannel[]).filter((c) => this.transports[c]);
    if (!channels.length) return undefined;
    const at = now.toISOString();
    const leaseExpired = new Date(now.getTime() - this.leaseMs).toISOString();
    return claimNextMessage(this.db, { channels, at, leaseExpired });
  }

  private async deliver(row: OutboxRow, now: Date): Promise<keyof RunResult> {
    const transport = this.transports[row.channel];
    const token = row.claim_token ?? '';
    try {
      if (!transport) throw new Error(`no transport for ${row.channel}`);
      await transport.send(toMessage(row), now);
    } catch (err) {
      const error = failureText(err);
      const next = afterFailure(row.attempts, now);
      await releaseFailedMessage(this.db, {
        id: row.id,
        claimToken: token,
        status: next.status,
        nextAttemptAt: next.status === 'pending' ? next.nextAttemptAt.toISOString() : row.next_attempt_at,
        error,
      });
      if (next.status === 'failed') {
        this.log.error({ outboxId: row.id, eventKey: row.event_key, attempts: row.attempts, error }, 'notification failed for good');
        return 'failed';
      }
      this.log.warn({ outboxId: row.id, eventKey: row.event_key, attempts: row.attempts, error }, 'notification failed; will retry');
      return 'retrying';
    }
    await markMessageSent(this.db, { id: row.id, claimToken: token, at: now.toISOString() });
    return 'sent';
  }
}

function toMessage(row: OutboxRow): OutboxMessage {
  return {
    id: row.id,
    estateId: row.estate_id,
    eventKey: row.event_key,
    channel: row.channel,
    recipient: row.recipient,
    subject: row.subject,
    body: row.body,
    payload: row.payload === null ? null : (JSON.parse(row.payload) as unknown),
  };
}

/** The failure in a line for `last_error`: SMTP reply or HTTP status, never a stack. */
function failureText(err: unknown): string {
  const e = err as { message?: string; responseCode?: number; code?: string };
  const text = [e?.code, e?.responseCode, e?.message ?? String(err)].filter((x) => x !== undefined && x !== '').join(' ');
  return text.slice(0, 1000);
}
