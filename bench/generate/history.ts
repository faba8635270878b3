import { canonicalJson, chainOf, entryHash } from '../../src/platform/history.js';
import type { Random } from './random.js';
import type { Sink } from './sink.js';

const GENESIS = '0'.repeat(64);

interface Pending {
  at: string;
  actorId: string | null;
  entityType: string;
  entityId: string;
  action: string;
  before: unknown;
  after: unknown;
}

/**
 * One estate's (or the company's) history chain (R-RD-1), kept until the estate is generated,
 * then written in time order with the project's canonical JSON and entry hash, so that
 * `estatedesk history verify` walks it like one the application wrote.
 */
export class ChainBuilder {
  private readonly pending: Pending[] = [];
  constructor(public estateId: string | null) {}

  add(e: Pending): void {
    this.pending.push(e);
  }

  get size(): number {
    return this.pending.length;
  }

  write(sink: Sink, random: Random): void {
    const chain = chainOf(this.estateId);
    this.pending.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
    let prevHash = GENESIS;
    let seq = 0;
    for (const p of this.pending) {
      seq++;
      const entry = {
        chain,
        seq,
        estate_id: this.estateId,
        actor_id: p.actorId,
        at: p.at,
        entity_type: p.entityType,
        entity_id: p.entityId,
        action: p.action,
        before: p.before === undefined || p.before === null ? null : canonicalJson(p.before),
        after: p.after === undefined || p.after === null ? null : canonicalJson(p.after),
        prev_hash: prevHash,
      };
      const hash = entryHash(entry);
      sink.add('history', { id: random.id(Date.parse(p.at)), ...entry, hash });
      prevHash = hash;
    }
    if (seq > 0) sink.add('history_heads', { chain, seq, hash: prevHash });
    this.pending.length = 0;
  }
}
