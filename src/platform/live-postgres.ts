import { EventEmitter } from 'node:events';
import pg from 'pg';
import type { LiveBus, LiveEvent } from './live.js';

export const LIVE_CHANNEL = 'estatedesk_live';
/** PostgreSQL refuses a NOTIFY payload of 8000 bytes or more. */
const MAX_PAYLOAD_BYTES = 7900;

export interface PostgresLiveBusOptions {
  /** Told when the listening connection drops or cannot be made again. */
  onError?: (err: unknown) => void;
  /** The longest wait between reconnection attempts. */
  maxReconnectDelayMs?: number;
}

function toEvent(payload: string | undefined): LiveEvent | null {
  if (!payload) return null;
  try {
    const value = JSON.parse(payload) as Partial<LiveEvent> | null;
    if (!value || typeof value.estateId !== 'string' || typeof value.type !== 'string') return null;
    return {
      estateId: value.estateId,
      type: value.type,
      subjectId: typeof value.subjectId === 'string' ? value.subjectId : undefined,
      staffIds: Array.isArray(value.staffIds) ? value.staffIds.filter((s): s is string => typeof s === 'string') : undefined,
    };
  } catch {
    return null;
  }
}

/** Payloads of at most MAX_PAYLOAD_BYTES: an event for many staff is split between them. */
function payloadsOf(event: LiveEvent): string[] {
  const json = JSON.stringify(event);
  if (Buffer.byteLength(json) <= MAX_PAYLOAD_BYTES) return [json];
  const staffIds = event.staffIds ?? [];
  if (staffIds.length < 2) throw new Error(`live event ${event.type} is too large to send`);
  const half = Math.ceil(staffIds.length / 2);
  return [...payloadsOf({ ...event, staffIds: staffIds.slice(0, half) }), ...payloadsOf({ ...event, staffIds: staffIds.slice(half) })];
}

/** Ends a connection nobody listens to any more; a late error on it is of no interest. */
async function discard(client: pg.Client): Promise<void> {
  client.removeAllListeners();
  client.on('error', () => {});
  await client.end().catch(() => {});
}

/**
 * Live updates between instances over one PostgreSQL: publish is a NOTIFY, and every instance
 * (the publisher too) LISTENs on a connection of its own and hands what arrives to its local
 * subscribers. When that connection drops it is made again, waiting longer after each failure;
 * events sent while it was down are not replayed (screens refetch on their next event).
 */
export class PostgresLiveBus implements LiveBus {
  private readonly emitter = new EventEmitter();
  private readonly pool: pg.Pool;
  private listener: pg.Client | null = null;
  private reconnectTimer: NodeJS.Timeout | null = null;
  private reconnectDelayMs = 0;
  private closed = false;

  private constructor(
    private readonly url: string,
    private readonly opts: PostgresLiveBusOptions,
  ) {
    this.emitter.setMaxListeners(0);
    this.pool = new pg.Pool({ connectionString: url, max: 2 });
    this.pool.on('error', (err) => this.opts.onError?.(err));
  }

  /** Connects and starts listening; fails when the database cannot be reached. */
  static async connect(url: string, opts: PostgresLiveBusOptions = {}): Promise<PostgresLiveBus> {
    const bus = new PostgresLiveBus(url, opts);
    try {
      await bus.listen();
    } catch (err) {
      await bus.pool.end();
      throw err;
    }
    return bus;
  }

  async publish(event: LiveEvent): Promise<void> {
    for (const payload of payloadsOf(event)) await this.pool.query('select pg_notify($1, $2)', [LIVE_CHANNEL, payload]);
  }

  subscribe(listener: (event: LiveEvent) => void): () => void {
    this.emitter.on('event', listener);
    return () => this.emitter.off('event', listener);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    this.emitter.removeAllListeners();
    const listener = this.listener;
    this.listener = null;
    await Promise.all([listener?.end().catch(() => {}), this.pool.end()]);
  }

  private async listen(): Promise<void> {
    const client = new pg.Client({ connectionString: this.url });
    client.on('notification', (msg) => {
      if (msg.channel !== LIVE_CHANNEL) return;
      const event = toEvent(msg.payload);
      if (event) this.emitter.emit('event', event);
    });
    client.on('error', (err) => this.lost(client, err));
    client.on('end', () => this.lost(client, new Error('the live-update connection ended')));
    try {
      await client.connect();
      await client.query(`LISTEN ${LIVE_CHANNEL}`);
    } catch (err) {
      await discard(client);
      throw err;
    }
    if (this.closed) {
      await discard(client);
      return;
    }
    this.listener = client;
    this.reconnectDelayMs = 0;
  }

  private lost(client: pg.Client, err: unknown): void {
    if (this.closed || this.listener !== client) return;
    this.listener = null;
    void discard(client);
    this.opts.onError?.(err);
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    if (this.closed || this.reconnectTimer) return;
    const max = this.opts.maxReconnectDelayMs ?? 10_000;
    this.reconnectDelayMs = Math.min(max, this.reconnectDelayMs ? this.reconnectDelayMs * 2 : 100);
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      this.listen().catch((err: unknown) => {
        this.opts.onError?.(err);
        this.scheduleReconnect();
      });
    }, this.reconnectDelayMs);
    this.reconnectTimer.unref();
  }
}
