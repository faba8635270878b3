import type { Transaction } from 'kysely';
import type { AppContext } from './context.js';
import type { Database } from './db/schema.js';
import { AppError } from './errors.js';
import { type Change, recordChange } from './history.js';
import type { LiveEvent } from './live.js';
import { publishAll } from './occurred.js';

export type Trx = Transaction<Database>;

/** What a use case is handed inside its transaction. */
export interface UseCase {
  trx: Trx;
  /** The time, read once for the whole use case. */
  now: Date;
  /** `now` as stored (ISO 8601, UTC). */
  at: string;
  /** Writes a history entry (R-RD-1) in this transaction, by the actor, at `at` unless given. */
  history(change: Omit<Change, 'actorId' | 'at'> & { at?: string; actorId?: string | null }): Promise<void>;
  /** Tells open screens once the transaction has committed; nothing is told if it rolls back. */
  live(...events: LiveEvent[]): void;
}

export interface UseCaseOptions {
  /** Who acts: their id goes into every history entry. Null for the system (sweep, import). */
  actorId: string | null;
  /**
   * The ability check, run before the transaction opens (a capability's `requireAbility`);
   * a check that needs the record runs inside `fn` once the record is read.
   */
  authorise?: () => void;
  /** A unique violation becomes a 409 `conflict.duplicate` naming this field. */
  duplicateField?: string;
}

/**
 * The history writer of a use case, for work done inside a transaction someone else holds (a
 * domain-event subscriber, a breach handler of the sweep, the first start): the same entries as
 * `uc.history`, by `actorId` (null: the system) at `at` unless a change says otherwise.
 */
export function historyIn(trx: Trx, actorId: string | null, at: string): UseCase['history'] {
  return (change) =>
    recordChange(trx, { ...change, actorId: change.actorId === undefined ? actorId : change.actorId, at: change.at ?? at });
}

function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string };
  return e?.code === '23505' || e?.code === 'SQLITE_CONSTRAINT_UNIQUE' || e?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/**
 * Runs one use case: the ability checked, one transaction, the time read once, history in the
 * same transaction, live events published after commit, a unique violation answered as 409.
 * Every change of state goes through here, so it is also the one place where commits could be
 * batched.
 */
export async function runUseCase<T>(ctx: AppContext, opts: UseCaseOptions, fn: (uc: UseCase) => Promise<T>): Promise<T> {
  opts.authorise?.();
  const now = ctx.clock.now();
  const at = now.toISOString();
  const events: LiveEvent[] = [];
  let result: T;
  try {
    result = await ctx.db.transaction().execute(async (trx) => {
      events.length = 0;
      return fn({
        trx,
        now,
        at,
        history: (change) =>
          recordChange(trx, { ...change, actorId: change.actorId === undefined ? opts.actorId : change.actorId, at: change.at ?? at }),
        live: (...e) => {
          events.push(...e);
        },
      });
    });
  } catch (err) {
    if (opts.duplicateField && isUniqueViolation(err)) {
      throw new AppError('conflict.duplicate', `${opts.duplicateField}: already in use`, { field: opts.duplicateField });
    }
    throw err;
  }
  await publishAll(ctx, events);
  return result;
}
