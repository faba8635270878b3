import { type Kysely, sql, type Transaction } from 'kysely';
import type { AppContext } from './context.js';
import type { Database } from './db/schema.js';
import { AppError } from './errors.js';
import { type Change, type PreparedChange, prepareChange, recordChange, writeChange } from './history.js';
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
  /**
   * Records a history entry (R-RD-1), by the actor, at `at` unless given: its content is fixed
   * now and it is written in this transaction once the use case's work is done.
   */
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
 * Runs one use case: the ability checked, one transaction (on SQLite its own savepoint in a
 * transaction shared through the commit queue below), the time read once, history in the same
 * transaction, live events published after commit, a unique violation answered as 409. Every
 * change of state goes through here.
 */
export async function runUseCase<T>(ctx: AppContext, opts: UseCaseOptions, fn: (uc: UseCase) => Promise<T>): Promise<T> {
  opts.authorise?.();
  const now = ctx.clock.now();
  const at = now.toISOString();
  const events: LiveEvent[] = [];
  // History entries are written when the use case has done its work, in the order it made
  // them: the chain's head row is then locked only from there to the commit.
  const entries: PreparedChange[] = [];
  const run = async (trx: Trx) => {
    events.length = 0;
    entries.length = 0;
    const value = await fn({
      trx,
      now,
      at,
      history: async (change) => {
        entries.push(
          prepareChange({ ...change, actorId: change.actorId === undefined ? opts.actorId : change.actorId, at: change.at ?? at }),
        );
      },
      live: (...e) => {
        events.push(...e);
      },
    });
    for (const entry of entries) await writeChange(trx, entry);
    return value;
  };
  let result: T;
  try {
    // SQLite writes one transaction at a time on its one connection: those waiting share a
    // commit. PostgreSQL runs them side by side on its pool, and flushes concurrent commits together.
    result = (ctx.engine === 'sqlite' ? await enqueue(ctx.db, run) : await ctx.db.transaction().execute(run)) as T;
  } catch (err) {
    if (opts.duplicateField && isUniqueViolation(err)) {
      throw new AppError('conflict.duplicate', `${opts.duplicateField}: already in use`, { field: opts.duplicateField });
    }
    throw err;
  }
  await publishAll(ctx, events);
  return result;
}

/**
 * The commit queue (group commit). Use cases that arrive while one is being written share one
 * transaction and so one commit, the disk's flush being most of a small write's time: each runs
 * in its own savepoint, so one refused request undoes only its own writes, and every answer of
 * the batch waits for the commit, so nothing is acknowledged before it is durable. A batch
 * starts on the next turn of the event loop (requests read in the same turn join it) and takes
 * in those that arrive while it runs, up to `MAX_BATCH`. A use case therefore never awaits
 * another use case (it would wait for its own batch); it calls the other's store functions.
 */
interface Pending {
  run: (trx: Trx) => Promise<unknown>;
  settle: (outcome: { ok: true; value: unknown } | { ok: false; error: unknown }) => void;
  outcome?: { ok: true; value: unknown } | { ok: false; error: unknown };
}

const MAX_BATCH = 64;
const queues = new WeakMap<Kysely<Database>, { waiting: Pending[]; running: boolean }>();

function enqueue(db: Kysely<Database>, run: (trx: Trx) => Promise<unknown>): Promise<unknown> {
  let queue = queues.get(db);
  if (!queue) {
    queue = { waiting: [], running: false };
    queues.set(db, queue);
  }
  const q = queue;
  return new Promise((resolve, reject) => {
    q.waiting.push({ run, settle: (o) => (o.ok ? resolve(o.value) : reject(o.error)) });
    if (!q.running) {
      q.running = true;
      setImmediate(() => void drain(db, q));
    }
  });
}

async function drain(db: Kysely<Database>, q: { waiting: Pending[]; running: boolean }): Promise<void> {
  while (q.waiting.length) {
    // Taken before the transaction opens: if it cannot open, these hear why and the queue moves on.
    const batch = q.waiting.splice(0, MAX_BATCH);
    try {
      await db.transaction().execute(async (trx) => {
        for (let i = 0; i < batch.length; i++) {
          const item = batch[i] as Pending;
          await sql`savepoint use_case`.execute(trx);
          try {
            item.outcome = { ok: true, value: await item.run(trx) };
          } catch (error) {
            item.outcome = { ok: false, error };
            // A failure that ended the transaction itself (disk full, I/O error) fails the batch.
            await sql`rollback to savepoint use_case`.execute(trx);
          }
          await sql`release savepoint use_case`.execute(trx);
          // Those that arrived meanwhile (while a use case waited on the database) join in.
          if (i === batch.length - 1 && batch.length < MAX_BATCH) batch.push(...q.waiting.splice(0, MAX_BATCH - batch.length));
        }
      });
      for (const item of batch) item.settle(item.outcome ?? { ok: false, error: new Error('use case did not finish') });
    } catch (error) {
      // The transaction failed to open or to commit: nothing of the batch was written, and every
      // request of it hears so (one that failed on its own keeps its own reason).
      for (const item of batch) item.settle(item.outcome?.ok === false ? item.outcome : { ok: false, error });
    }
  }
  q.running = false;
}
