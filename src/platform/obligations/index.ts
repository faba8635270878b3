import { type Kysely, sql, type Transaction } from 'kysely';
import type { AppContext } from '../context.js';
import { isPostgres } from '../db/engine.js';
import type { Database } from '../db/schema.js';
import { newId } from '../ids.js';
import type { LiveEvent } from '../live.js';
import {
  insertObligation,
  markBreached,
  obligationById,
  pastDueIds,
  setObligationsCancelled,
  setObligationsMet,
  setObligationsOwner,
} from './store.js';
import type { ObligationTable } from './tables.js';
import './tables.js';

/**
 * The deadline engine. Every rule with a time limit is one thing: a trigger opens an
 * obligation with a due time, an action meets it, and if the due time passes unmet the
 * sweeper marks it breached and escalates it. Services open and meet obligations inside the
 * transaction of the change that triggers or meets them, so a deadline is never lost and
 * never counted twice.
 */
type Trx = Transaction<Database>;
export type ObligationRow = ObligationTable;

export interface NewObligation {
  estateId: string;
  rule: string;
  subjectType: string;
  subjectId: string;
  ownerId?: string | null;
  departmentId?: string | null;
  openedAt: string;
  dueAt: string;
  data?: Record<string, unknown>;
}

export async function openObligation(trx: Trx, o: NewObligation): Promise<string> {
  const id = newId();
  await insertObligation(trx, {
    id,
    estate_id: o.estateId,
    rule: o.rule,
    subject_type: o.subjectType,
    subject_id: o.subjectId,
    owner_id: o.ownerId ?? null,
    department_id: o.departmentId ?? null,
    opened_at: o.openedAt,
    due_at: o.dueAt,
    met_at: null,
    met_by: null,
    breached_at: null,
    escalated_to: null,
    escalated_at: null,
    cancelled_at: null,
    data: JSON.stringify(o.data ?? {}),
  });
  return id;
}

/** Meets the open obligations of a subject (of one rule, when given). Returns how many were met. */
export async function meetObligations(
  trx: Trx,
  opts: { subjectType: string; subjectId: string; rule?: string; metAt: string; metBy: string | null },
): Promise<number> {
  return setObligationsMet(trx, opts);
}

/** Cancels the open obligations of a subject (a case closed without them being met). */
export async function cancelObligations(trx: Trx, opts: { subjectType: string; subjectId: string; at: string }): Promise<number> {
  return setObligationsCancelled(trx, opts);
}

/** Moves the open obligations of a subject to a new owner or department (assignment, forwarding). */
export async function reassignObligations(
  trx: Trx,
  opts: { subjectType: string; subjectId: string; ownerId?: string | null; departmentId?: string | null },
): Promise<void> {
  const patch = {
    ...(opts.ownerId !== undefined && { owner_id: opts.ownerId }),
    ...(opts.departmentId !== undefined && { department_id: opts.departmentId }),
  };
  if (!Object.keys(patch).length) return;
  await setObligationsOwner(trx, { subjectType: opts.subjectType, subjectId: opts.subjectId, patch });
}

export { obligationsOf, type Queue, queueQuery } from './store.js';

export type ObligationState = 'open' | 'due_soon' | 'overdue' | 'met' | 'cancelled';

/** Pure: an obligation's state as of an instant. */
export function obligationState(
  row: Pick<ObligationRow, 'met_at' | 'cancelled_at' | 'due_at'>,
  asOf: Date,
  withinHours = 24,
): ObligationState {
  if (row.cancelled_at) return 'cancelled';
  if (row.met_at) return 'met';
  const due = new Date(row.due_at).getTime();
  if (due < asOf.getTime()) return 'overdue';
  if (due <= asOf.getTime() + withinHours * 3_600_000) return 'due_soon';
  return 'open';
}

export function metOnTime(row: Pick<ObligationRow, 'met_at' | 'due_at'>): boolean | null {
  if (!row.met_at) return null;
  return new Date(row.met_at).getTime() <= new Date(row.due_at).getTime();
}

// ------------------------------------------------------------------ the sweeper

/**
 * What a capability does when one of its rules is breached (escalate, notify). Runs inside the
 * transaction that marks the breach; returns the live events to publish after it commits.
 */
export type BreachHandler = (trx: Trx, obligation: ObligationRow, now: string, ctx: AppContext) => Promise<LiveEvent[] | undefined>;
const handlers = new Map<string, BreachHandler>();

export function onBreach(rule: string, handler: BreachHandler): void {
  handlers.set(rule, handler);
}

/**
 * Work a capability does on every sweep before breaches are marked: opening obligations that
 * come from the calendar rather than from a change (the monthly spot check of R-FU-5).
 * Idempotent by construction; runs only where the sweep runs.
 */
export type SweepTick = (db: Kysely<Database>, now: string, ctx: AppContext) => Promise<void>;
const ticks = new Set<SweepTick>();

export function onSweep(tick: SweepTick): void {
  ticks.add(tick);
}

/** One number for the whole company: only one instance sweeps at a time. */
const SWEEP_LOCK = 4_984_072_001;

/**
 * Marks every obligation past due as breached and runs its rule's escalation. Idempotent: the
 * conditional update (`breached_at IS NULL`) lets exactly one sweep win each obligation, and on
 * PostgreSQL only the instance holding the advisory lock sweeps at all. Given an estate (the
 * sweep run on demand), it marks only that estate's and answers the obligations it breached.
 */
export async function sweep(
  ctx: AppContext,
  now: Date = ctx.clock.now(),
  opts: { estateId?: string } = {},
): Promise<{ breached: number; skipped: boolean; breaches: ObligationRow[] }> {
  const at = now.toISOString();
  if (!isPostgres(ctx.db)) return { ...(await sweepWith(ctx, ctx.db, at, opts.estateId)), skipped: false };
  return ctx.db.connection().execute(async (conn) => {
    const { rows } = await sql<{ locked: boolean }>`select pg_try_advisory_lock(${SWEEP_LOCK}) as locked`.execute(conn);
    if (!rows[0]?.locked) return { breached: 0, skipped: true, breaches: [] };
    try {
      return { ...(await sweepWith(ctx, conn, at, opts.estateId)), skipped: false };
    } finally {
      await sql`select pg_advisory_unlock(${SWEEP_LOCK})`.execute(conn);
    }
  });
}

/** How many breaches of one estate are marked and escalated in one transaction (one commit). */
const SWEEP_BATCH = 100;
/** At most this many breached obligations are kept to answer a sweep run on demand. */
const BREACHES_KEPT = 500;

async function sweepWith(ctx: AppContext, db: Kysely<Database>, at: string, estateId: string | undefined) {
  for (const tick of ticks) await tick(db, at, ctx);
  let breached = 0;
  const breaches: ObligationRow[] = [];
  for (;;) {
    const due = await pastDueIds(db, at, SWEEP_BATCH, estateId);
    if (!due.length) break;
    // One transaction per estate in the batch: a thousand breaches are a few commits, not a
    // thousand, and an estate's history chain is held only while its own breaches are written.
    const byEstate = new Map<string, { id: string }[]>();
    for (const o of due) byEstate.set(o.estate_id, [...(byEstate.get(o.estate_id) ?? []), o]);
    for (const ids of byEstate.values()) {
      const { events, count } = await db.transaction().execute(async (trx) => {
        const out: LiveEvent[] = [];
        let n = 0;
        for (const { id } of ids) {
          if (!(await markBreached(trx, id, at))) continue;
          n++;
          const row = await obligationById(trx, id);
          out.push(...((await handlers.get(row.rule)?.(trx, row, at, ctx)) ?? []));
          if (estateId !== undefined && breaches.length < BREACHES_KEPT) breaches.push(await obligationById(trx, id));
        }
        return { events: out, count: n };
      });
      breached += count;
      for (const e of events) await ctx.live.publish(e);
    }
    if (due.length < SWEEP_BATCH) break;
  }
  return { breached, breaches };
}

/** Runs the sweep every interval; errors are logged and the next round tries again. */
export class Sweeper {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;
  constructor(
    private readonly ctx: AppContext,
    private readonly log: (err: unknown) => void,
  ) {}
  start(intervalMs: number): void {
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = sweep(this.ctx)
        .catch(this.log)
        .finally(() => {
          this.running = undefined;
        });
    }, intervalMs);
    this.timer.unref();
  }
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }
}
export { countOpenObligations, obligationsOfRule, reassignObligationsOfRules } from './by-rule.store.js';
export { escalateObligation } from './escalate.store.js';
export { type DeadlinePeriod, type DeadlineState, deadlineCountsByRule, deadlinesOfRule, type RuleCounts } from './report.store.js';
export { obligationsOfSubjects, overdueSubjectIds } from './subjects.store.js';
