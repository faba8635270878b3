import type { Transaction } from 'kysely';
import type { AppContext } from './context.js';
import type { Database } from './db/schema.js';

/**
 * Domain events between capabilities. A capability publishes (cases: a repair was completed);
 * another subscribes at start-up (follow-ups: schedule the visit). Subscribers run inside the
 * publisher's transaction, so the follow-up exists exactly when the completion does.
 */
export interface DomainEvents {
  repairCompleted: {
    estateId: string;
    caseId: string;
    repairClass: 'safety' | 'leak' | 'other';
    completedAt: string;
    actorId: string;
  };
  /** The desk logged a call (R-PH-4): the PBX's record of the same call can be matched to it. */
  callLogged: {
    estateId: string;
    callLogId: string;
    phone: string | null;
    startedAt: string;
  };
  /** An estate's policy settings changed (its deadlines: R-CP-1, R-FU-1, R-FU-2 …). */
  estatePolicyChanged: {
    estateId: string;
    actorId: string;
    at: string;
  };
}

type Handler<K extends keyof DomainEvents> = (trx: Transaction<Database>, event: DomainEvents[K], ctx: AppContext) => Promise<void>;
const subscribers: { [K in keyof DomainEvents]?: Handler<K>[] } = {};

export function subscribe<K extends keyof DomainEvents>(name: K, handler: Handler<K>): () => void {
  if (!subscribers[name]) subscribers[name] = [];
  const list = subscribers[name] as Handler<K>[];
  list.push(handler);
  return () => {
    const i = list.indexOf(handler);
    if (i >= 0) list.splice(i, 1);
  };
}

export async function emit<K extends keyof DomainEvents>(
  trx: Transaction<Database>,
  ctx: AppContext,
  name: K,
  event: DomainEvents[K],
): Promise<void> {
  for (const handler of (subscribers[name] ?? []) as Handler<K>[]) await handler(trx, event, ctx);
}
