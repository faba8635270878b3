import { EventEmitter } from 'node:events';
import type { LiveEventType } from '../contract/live.js';

/**
 * Live updates: something changed that open screens should refresh for. Services publish
 * after their transaction commits; every instance delivers to its own connected clients
 * (server-sent events). With one process the bus is in memory; on PostgreSQL the events
 * travel between instances through LISTEN/NOTIFY (see live-postgres.ts).
 */
export interface LiveEvent {
  estateId: string;
  /** What changed: one of the contract's live-event types (contract/live.ts). */
  type: LiveEventType;
  subjectId?: string | undefined;
  /** When set, only these staff members' screens are told (their own notices, messages). */
  staffIds?: string[] | undefined;
}

export interface LiveBus {
  publish(event: LiveEvent): Promise<void>;
  subscribe(listener: (event: LiveEvent) => void): () => void;
  close(): Promise<void>;
}

export class MemoryLiveBus implements LiveBus {
  private readonly emitter = new EventEmitter();
  constructor() {
    this.emitter.setMaxListeners(0);
  }
  async publish(event: LiveEvent): Promise<void> {
    this.emitter.emit('event', event);
  }
  subscribe(listener: (event: LiveEvent) => void): () => void {
    this.emitter.on('event', listener);
    return () => this.emitter.off('event', listener);
  }
  async close(): Promise<void> {
    this.emitter.removeAllListeners();
  }
}
