import { randomBytes } from 'node:crypto';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { z } from 'zod';
import { type Actor, can, requireAbility } from '../auth/policy.js';
import { recordOnCase } from '../cases/service.js';
import type { ImportRowError } from '../contract/common.js';
import { EstatePolicy } from '../contract/directory.js';
import type {
  AcknowledgeNoticeBody,
  AssignFollowUpBody,
  DrawSpotCheckBody,
  FollowUpAttemptBody,
  ImportRainBody,
  IssueNoticeBody,
  ListFollowUpsQuery,
  ListNoticesQuery,
  ListRainEventsQuery,
  ListSpotChecksQuery,
  MarkRectifiedBody,
  RecordFollowUpBody,
  RecordRainEventBody,
  SpotVerdictBody,
  VoidNoticeBody,
} from '../contract/followups.js';
import { estateSettings } from '../directory/service.js';
import { notifyStaff } from '../notices/service.js';
import type { AppContext } from '../platform/context.js';
import { nextNumber } from '../platform/counters.js';
import type { Database } from '../platform/db/schema.js';
import { AppError, notFound, type RuleCode, unknownReference } from '../platform/errors.js';
import type { DomainEvents } from '../platform/events.js';
import { recordChange } from '../platform/history.js';
import { isUniqueViolation, recordFor, rememberRecord } from '../platform/idempotency.js';
import { newId } from '../platform/ids.js';
import type { LiveEvent } from '../platform/live.js';
import { cancelObligations, meetObligations, type ObligationRow, obligationState, openObligation } from '../platform/obligations/index.js';
import { invalidField, occurredAt, publishAll } from '../platform/occurred.js';
import type { followUpPolicy } from './policy.js';
import { presentFollowUp, presentNotice, presentRain, presentSpotCheck } from './present.js';
import { parseHkoRainfall, parseRainCsv, type RainPeriod } from './rain-feed.js';
import {
  AFTER_RAIN_RULE,
  afterRainDueAt,
  dayBounds,
  drawSample,
  FOLLOW_UP_RULE,
  followUpDueAt,
  monthBounds,
  NOTICE_RULE,
  noticeCode,
  noticeDueAt,
  previousMonth,
  RECTIFY_RULE,
  type RepairClass,
  rainRepoints,
  SPOT_CHECK_RULE,
  spotCheckDueAt,
  spotCheckSampleSize,
  unreachableDecision,
  yearOf,
} from './rules.js';
import * as store from './store.js';

type Trx = Transaction<Database>;
type Db = Kysely<Database> | Trx;

const FOLLOW_UP = 'followup';
const NOTICE = 'rectification_notice';
const SPOT_CHECK = 'spot_check';
const SPOT_ITEM = 'spot_check_item';

/** What each use case needs, by name (`policy.ts`): the office checks the work maintenance staff do. */
type FollowUpAbility = keyof typeof followUpPolicy;

function refuse(code: RuleCode, message: string, details: Record<string, unknown> = {}): AppError {
  return new AppError(code, message, details);
}

const invalid = invalidField;
const occurred = (value: string | undefined, now: Date, notBefore?: { at: string | null; what: string }) =>
  occurredAt(value, now, notBefore ? { notBefore } : {});
const estateOf = estateSettings;

const changed = (estateId: string, type: string, subjectId: string): LiveEvent => ({ estateId, type, subjectId });

async function log(
  trx: Trx,
  actorId: string | null,
  estateId: string,
  at: string,
  entity: [string, string],
  action: string,
  before: unknown,
  after: unknown,
) {
  await recordChange(trx, { estateId, actorId, at, entityType: entity[0], entityId: entity[1], action, before, after });
}

/** A follow-up, loaded first and then the ability checked in its estate (another estate's answers 404). */
async function followUpFor(db: Db, actor: Actor, followUpId: string, ability: FollowUpAbility) {
  const row = await store.findFollowUp(db, followUpId);
  if (!row) throw notFound('follow-up');
  requireAbility(actor, row.estate_id, ability, 'follow-up');
  return row;
}

/**
 * A notice the actor may read: the office reads every notice of the estate (`notice.read`);
 * anyone else only the notices addressed to them (`notice.read.own`), and another's answers 404
 * exactly like a missing one.
 */
async function readableNotice(db: Db, actor: Actor, noticeId: string) {
  const row = await store.findNotice(db, noticeId);
  if (!row) throw notFound('rectification notice');
  requireAbility(actor, row.estate_id, 'notice.read.own', 'rectification notice');
  if (row.recipient_id !== actor.id && !can(actor, row.estate_id, 'notice.read')) throw notFound('rectification notice');
  return row;
}

// ------------------------------------------------------------------ scheduling (R-FU-1, R-FU-2)

async function insertFollowUp(
  trx: Trx,
  f: {
    estateId: string;
    caseId: string;
    kind: 'repair' | 'after_rain' | 'after_rectification';
    repairClass: RepairClass;
    completedAt: string;
    openedAt: string;
    dueAt: string | null;
    dedupeKey: string;
    noticeId?: string | null;
  },
): Promise<{ id: string; departmentId: string | null } | undefined> {
  const id = newId();
  const departmentId = await store.followUpDepartment(trx, f.estateId);
  const inserted = await trx
    .insertInto('followups')
    .values({
      id,
      estate_id: f.estateId,
      case_id: f.caseId,
      kind: f.kind,
      repair_class: f.repairClass,
      status: f.dueAt ? 'open' : 'awaiting_rain',
      dedupe_key: f.dedupeKey,
      repair_completed_at: f.completedAt,
      opened_at: f.openedAt,
      due_at: f.dueAt,
      rain_event_id: null,
      notice_id: f.noticeId ?? null,
      department_id: departmentId,
      assignee_id: null,
      performed_at: null,
      performed_by: null,
      method: null,
      resident_words: null,
      satisfaction: null,
      result: null,
      problem: null,
      attempt_count: 0,
      recorded_at: null,
      recorded_by: null,
      flagged_at: null,
      flagged_by: null,
      flag_note: null,
    })
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!inserted) return undefined;
  if (f.dueAt) {
    await openObligation(trx, {
      estateId: f.estateId,
      rule: FOLLOW_UP_RULE,
      subjectType: FOLLOW_UP,
      subjectId: id,
      departmentId,
      openedAt: f.openedAt,
      dueAt: f.dueAt,
      data: { caseId: f.caseId, kind: f.kind, repairClass: f.repairClass },
    });
  }
  return { id, departmentId };
}

/**
 * The subscriber of `repairCompleted`, inside the completion's transaction: the R-FU-1 visit,
 * and for a leak the after-rain visit (R-FU-2), due at once if rain after completion is already
 * on record (a completion entered late), else awaiting rain.
 */
export async function scheduleAfterRepair(trx: Trx, ev: DomainEvents['repairCompleted'], ctx: AppContext): Promise<void> {
  const estate = await estateOf(trx, ev.estateId);
  const dueAt = followUpDueAt(ev.repairClass, ev.completedAt, estate.policy);
  const scheduled = await insertFollowUp(trx, {
    estateId: ev.estateId,
    caseId: ev.caseId,
    kind: 'repair',
    repairClass: ev.repairClass,
    completedAt: ev.completedAt,
    openedAt: ev.completedAt,
    dueAt,
    dedupeKey: `repair:${ev.caseId}`,
  });
  let afterRain: { id: string } | undefined;
  if (ev.repairClass === 'leak') {
    afterRain = await insertFollowUp(trx, {
      estateId: ev.estateId,
      caseId: ev.caseId,
      kind: 'after_rain',
      repairClass: 'leak',
      completedAt: ev.completedAt,
      openedAt: ev.completedAt,
      dueAt: null,
      dedupeKey: `after_rain:${ev.caseId}`,
    });
    const rain = await trx
      .selectFrom('rain_events')
      .select(['id', 'started_at', 'ended_at'])
      .where('estate_id', '=', ev.estateId)
      .where('started_at', '>', ev.completedAt)
      .orderBy('started_at')
      .orderBy('ended_at')
      .orderBy('id')
      .executeTakeFirst();
    if (afterRain && rain)
      await pointToRain(trx, estate.policy, { id: afterRain.id, estateId: ev.estateId, caseId: ev.caseId }, rain, ev.completedAt);
  }
  const at = ctx.clock.now().toISOString();
  await recordOnCase(trx, {
    estateId: ev.estateId,
    caseId: ev.caseId,
    type: 'follow_up_scheduled',
    at: ev.completedAt,
    actorId: null,
    data: { rule: FOLLOW_UP_RULE, dueAt, repairClass: ev.repairClass, afterRain: ev.repairClass === 'leak' },
  });
  if (scheduled) {
    await log(trx, ev.actorId, ev.estateId, at, [FOLLOW_UP, scheduled.id], 'scheduled', null, {
      caseId: ev.caseId,
      kind: 'repair',
      repairClass: ev.repairClass,
      dueAt,
    });
  }
  if (afterRain) {
    await log(trx, ev.actorId, ev.estateId, at, [FOLLOW_UP, afterRain.id], 'scheduled', null, { caseId: ev.caseId, kind: 'after_rain' });
  }
}

/**
 * R-FU-2: point an after-rain follow-up at a rain: due 48 h after it ends. Its deadline is
 * replaced (the old one cancelled) when an earlier rain turns up later.
 */
async function pointToRain(
  trx: Trx,
  policy: EstatePolicy,
  followUp: { id: string; estateId: string; caseId: string },
  rain: { id: string; started_at: string; ended_at: string },
  openedAt: string,
): Promise<void> {
  const dueAt = afterRainDueAt(rain.ended_at, policy);
  await trx.updateTable('followups').set({ status: 'open', rain_event_id: rain.id, due_at: dueAt }).where('id', '=', followUp.id).execute();
  await cancelObligations(trx, { subjectType: FOLLOW_UP, subjectId: followUp.id, at: openedAt });
  const departmentId = await store.followUpDepartment(trx, followUp.estateId);
  await openObligation(trx, {
    estateId: followUp.estateId,
    rule: AFTER_RAIN_RULE,
    subjectType: FOLLOW_UP,
    subjectId: followUp.id,
    departmentId,
    openedAt: rain.ended_at > openedAt ? rain.ended_at : openedAt,
    dueAt,
    data: { caseId: followUp.caseId, kind: 'after_rain', rainEventId: rain.id },
  });
}

// ------------------------------------------------------------------ rain (R-FU-3)

/** A rain on record: after-rain follow-ups of leaks completed before it started become due. Returns how many it opened. */
async function applyRain(
  trx: Trx,
  estate: { id: string; policy: EstatePolicy },
  rain: { id: string; started_at: string; ended_at: string },
  at: string,
) {
  const waiting = await trx
    .selectFrom('followups')
    .leftJoin('rain_events', 'rain_events.id', 'followups.rain_event_id')
    .select([
      'followups.id',
      'followups.case_id',
      'followups.status',
      'followups.repair_completed_at',
      'rain_events.started_at as rain_started_at',
    ])
    .where('followups.estate_id', '=', estate.id)
    .where('followups.kind', '=', 'after_rain')
    .where('followups.status', 'in', ['awaiting_rain', 'open'])
    .where('followups.repair_completed_at', '<', rain.started_at)
    .execute();
  let opened = 0;
  const touched: string[] = [];
  for (const f of waiting) {
    const status = f.status as 'awaiting_rain' | 'open';
    if (!rainRepoints({ status, completedAt: f.repair_completed_at, rainStartedAt: f.rain_started_at }, { startedAt: rain.started_at }))
      continue;
    await pointToRain(trx, estate.policy, { id: f.id, estateId: estate.id, caseId: f.case_id }, rain, at);
    if (status === 'awaiting_rain') opened++;
    touched.push(f.case_id);
  }
  return { opened, caseIds: touched };
}

async function insertRain(
  trx: Trx,
  actor: Actor,
  estate: { id: string; policy: EstatePolicy },
  r: { startedAt: string; endedAt: string; amountMm: number | null; source: 'manual' | 'hko' | 'csv'; note: string | null },
  at: string,
) {
  const row = {
    id: newId(),
    estate_id: estate.id,
    started_at: new Date(r.startedAt).toISOString(),
    ended_at: new Date(r.endedAt).toISOString(),
    amount_mm: r.amountMm,
    source: r.source,
    note: r.note,
    recorded_by: actor.id,
    recorded_at: at,
  };
  await trx.insertInto('rain_events').values(row).execute();
  const applied = await applyRain(trx, estate, row, at);
  await log(trx, actor.id, estate.id, at, ['rain_event', row.id], 'recorded', null, {
    startedAt: row.started_at,
    endedAt: row.ended_at,
    amountMm: row.amount_mm,
    source: row.source,
    followUpsOpened: applied.opened,
  });
  return { row, ...applied };
}

export async function recordRainEvent(
  ctx: AppContext,
  opts: { actor: Actor; estateId: string; body: z.infer<typeof RecordRainEventBody> },
) {
  requireAbility(opts.actor, opts.estateId, 'rain.record');
  const b = opts.body;
  const now = ctx.clock.now();
  if (new Date(b.startedAt).getTime() > now.getTime() + 60_000) throw invalid('startedAt', 'cannot be in the future');
  if (new Date(b.endedAt).getTime() > now.getTime() + 60_000)
    throw invalid('endedAt', 'cannot be in the future: record the rain once it has stopped');
  const { result, events } = await ctx.db.transaction().execute(async (trx) => {
    const estate = await estateOf(trx, opts.estateId);
    const at = now.toISOString();
    const saved = await insertRain(
      trx,
      opts.actor,
      estate,
      { startedAt: b.startedAt, endedAt: b.endedAt, amountMm: b.amountMm ?? null, source: 'manual', note: b.note ?? null },
      at,
    );
    return {
      result: { row: saved.row, opened: saved.opened },
      events: [changed(estate.id, 'rain.recorded', saved.row.id), ...saved.caseIds.map((c) => changed(estate.id, 'followup.changed', c))],
    };
  });
  await publishAll(ctx, events);
  return presentRain({ ...result.row, recorder_name: opts.actor.name }, result.opened);
}

export async function listRainEvents(
  ctx: AppContext,
  opts: { actor: Actor; estateId: string; query: z.infer<typeof ListRainEventsQuery> },
) {
  requireAbility(opts.actor, opts.estateId, 'rain.read');
  const q = opts.query;
  let base = ctx.db.selectFrom('rain_events').where('rain_events.estate_id', '=', opts.estateId);
  if (q.from) base = base.where('rain_events.ended_at', '>=', new Date(q.from).toISOString());
  if (q.to) base = base.where('rain_events.started_at', '<', new Date(q.to).toISOString());
  if (q.source) base = base.where('rain_events.source', '=', q.source);
  const { n } = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await base
    .innerJoin('staff', 'staff.id', 'rain_events.recorded_by')
    .selectAll('rain_events')
    .select('staff.name as recorder_name')
    .orderBy('rain_events.started_at', 'desc')
    .orderBy('rain_events.id')
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();
  const opened = await openedByRain(
    ctx.db,
    rows.map((r) => r.id),
  );
  return { items: rows.map((r) => presentRain(r, opened.get(r.id) ?? 0)), total: Number(n), page: q.page, pageSize: q.pageSize };
}

async function openedByRain(db: Db, rainIds: string[]): Promise<Map<string, number>> {
  if (!rainIds.length) return new Map();
  const rows = await db
    .selectFrom('followups')
    .select(['rain_event_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('rain_event_id', 'in', rainIds)
    .groupBy('rain_event_id')
    .execute();
  return new Map(rows.map((r) => [r.rain_event_id as string, Number(r.n)]));
}

/** Reads a weather feed file; rain already on record (same start and end) is skipped, so a file imported twice adds nothing. */
export async function importRainEvents(ctx: AppContext, opts: { actor: Actor; estateId: string; body: z.infer<typeof ImportRainBody> }) {
  requireAbility(opts.actor, opts.estateId, 'rain.record');
  const b = opts.body;
  const text = Buffer.from(b.contentBase64, 'base64').toString('utf8');
  const estate = await estateOf(ctx.db, opts.estateId);
  const feedOpts = { thresholdMm: estate.policy.rainThresholdMm, timeZone: estate.timeZone };
  const parsed =
    b.format === 'csv'
      ? parseRainCsv(text, feedOpts)
      : parseHkoRainfall(text, { ...feedOpts, place: b.place ?? estate.policy.rainfallPlace });
  const now = ctx.clock.now();
  const future = parsed.events.find((e) => new Date(e.endedAt).getTime() > now.getTime() + 60_000);
  const errors: ImportRowError[] = [...parsed.errors];
  if (future) errors.push({ row: 0, column: 'time', reason: 'in_future', message: `rain ending ${future.endedAt} is in the future` });
  if (errors.length && !b.dryRun) {
    throw new AppError('import.invalid_rows', `${errors.length} problem(s) in the file; nothing was imported`, {
      errors: errors.slice(0, 200),
    });
  }
  const { result, events } = await ctx.db.transaction().execute(async (trx) => {
    const at = now.toISOString();
    const out: (RainPeriod & { duplicate: boolean })[] = [];
    let created = 0;
    let opened = 0;
    const caseIds: string[] = [];
    for (const e of parsed.events) {
      const duplicate = await trx
        .selectFrom('rain_events')
        .select('id')
        .where('estate_id', '=', estate.id)
        .where('started_at', '=', e.startedAt)
        .where('ended_at', '=', e.endedAt)
        .executeTakeFirst();
      out.push({ ...e, duplicate: Boolean(duplicate) });
      if (duplicate || b.dryRun) continue;
      const saved = await insertRain(
        trx,
        opts.actor,
        estate,
        { ...e, source: b.format === 'csv' ? 'csv' : 'hko', note: b.fileName ?? null },
        at,
      );
      created++;
      opened += saved.opened;
      caseIds.push(...saved.caseIds);
    }
    return {
      result: {
        created,
        duplicates: out.filter((e) => e.duplicate).length,
        followUpsOpened: opened,
        events: out,
        errors,
        dryRun: b.dryRun,
      },
      events: created
        ? [changed(estate.id, 'rain.recorded', estate.id), ...caseIds.map((c) => changed(estate.id, 'followup.changed', c))]
        : [],
    };
  });
  await publishAll(ctx, events);
  return result;
}

// ------------------------------------------------------------------ the queue (R-FU-4)

async function presentFollowUps(db: Db, rows: store.FollowUpRow[], asOf: Date) {
  const ids = rows.map((r) => r.id);
  const attempts = await store.attemptsOf(db, ids);
  const rect = await store.rectificationOf(db, ids);
  return rows.map((r) =>
    presentFollowUp(
      r,
      attempts.filter((a) => a.followup_id === r.id),
      {
        obligation: rect.obligations.filter((o) => o.subject_id === r.id).at(-1),
        notices: rect.notices.filter((n) => n.followup_id === r.id),
      },
      asOf,
    ),
  );
}

async function presentFollowUpRow(db: Db, row: store.FollowUpRow, asOf: Date) {
  const [item] = await presentFollowUps(db, [row], asOf);
  return item as NonNullable<typeof item>;
}

export async function getFollowUp(ctx: AppContext, opts: { actor: Actor; followUpId: string; asOf?: Date }) {
  const row = await followUpFor(ctx.db, opts.actor, opts.followUpId, 'followup.read');
  return presentFollowUpRow(ctx.db, row, opts.asOf ?? ctx.clock.now());
}

export async function listFollowUps(ctx: AppContext, opts: { actor: Actor; estateId: string; query: z.infer<typeof ListFollowUpsQuery> }) {
  requireAbility(opts.actor, opts.estateId, 'followup.read');
  const q = opts.query;
  const estate = await estateOf(ctx.db, opts.estateId);
  const asOf = q.asOf ? new Date(q.asOf) : ctx.clock.now();
  const asOfIso = asOf.toISOString();
  const today = dayBounds(asOfIso, estate.timeZone);

  let filtered = store.followUpsQuery(ctx.db, opts.estateId);
  if (q.repairClass) filtered = filtered.where('followups.repair_class', '=', q.repairClass);
  if (q.kind) filtered = filtered.where('followups.kind', '=', q.kind);
  if (q.result) filtered = filtered.where('followups.result', '=', q.result);
  if (q.caseId) filtered = filtered.where('followups.case_id', '=', q.caseId);
  if (q.assignee === 'me') filtered = filtered.where('followups.assignee_id', '=', opts.actor.id);
  else if (q.assignee === 'none') filtered = filtered.where('followups.assignee_id', 'is', null);
  else if (q.assignee) filtered = filtered.where('followups.assignee_id', '=', q.assignee);
  if (q.month) {
    const m = monthBounds(q.month, estate.timeZone);
    filtered = filtered.where('followups.performed_at', '>=', m.start).where('followups.performed_at', '<', m.end);
  }
  const open = filtered.where('followups.status', '=', 'open');
  const queues = {
    due_today: open.where('followups.due_at', '>=', asOfIso).where('followups.due_at', '<', today.end),
    overdue: open.where('followups.due_at', '<', asOfIso),
    awaiting_rain: filtered.where('followups.status', '=', 'awaiting_rain'),
    open,
    done: filtered.where('followups.status', '=', 'done'),
    flagged: filtered.where('followups.flagged_at', 'is not', null),
    all: filtered,
  } as const;
  const count = async (k: keyof typeof queues) =>
    Number((await queues[k].select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const base = queues[q.queue];
  const total = await count(q.queue);
  let ordered = base.select(store.followUpColumns);
  ordered =
    q.queue === 'done' || q.queue === 'flagged'
      ? ordered.orderBy('followups.performed_at', 'desc')
      : q.queue === 'awaiting_rain'
        ? ordered.orderBy('followups.repair_completed_at')
        : ordered.orderBy(sql`case when followups.due_at is null then 1 else 0 end`).orderBy('followups.due_at');
  const rows = await ordered
    .orderBy('followups.id')
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();
  return {
    items: await presentFollowUps(ctx.db, rows, asOf),
    total,
    page: q.page,
    pageSize: q.pageSize,
    counts: {
      dueToday: await count('due_today'),
      overdue: await count('overdue'),
      awaitingRain: await count('awaiting_rain'),
      open: await count('open'),
      flagged: await count('flagged'),
    },
  };
}

/** Runs one use case on a follow-up: load, check the ability in its estate, change in one transaction, publish after commit. */
async function onFollowUp(
  ctx: AppContext,
  actor: Actor,
  followUpId: string,
  ability: FollowUpAbility,
  fn: (trx: Trx, row: store.FollowUpRow, now: Date) => Promise<LiveEvent[] | undefined>,
) {
  const events = await ctx.db.transaction().execute(async (trx) => {
    const row = await followUpFor(trx, actor, followUpId, ability);
    const extra = (await fn(trx, row, ctx.clock.now())) ?? [];
    return [changed(row.estate_id, 'followup.changed', row.id), ...extra];
  });
  await publishAll(ctx, events);
  return presentFollowUpRow(ctx.db, (await store.findFollowUp(ctx.db, followUpId)) as store.FollowUpRow, ctx.clock.now());
}

function requireOpen(row: store.FollowUpRow) {
  if (row.status === 'awaiting_rain')
    throw refuse('followup.awaiting_rain', 'R-FU-2: no rain since the repair was completed; the after-rain visit is not due yet');
  if (row.status === 'done') throw refuse('followup.already_recorded', 'this follow-up is already recorded');
}

function notBeforeOf(row: store.FollowUpRow) {
  return row.kind === 'after_rain' && row.rain_started_at
    ? { at: row.rain_started_at, what: 'the rain it follows up started' }
    : { at: row.repair_completed_at, what: 'the repair was completed' };
}

/** R-FU-4: who, when, phone or visit, the resident's words, satisfaction and the result. A problem requires a written notice (R-RC-1). */
export async function recordFollowUp(
  ctx: AppContext,
  opts: { actor: Actor; followUpId: string; body: z.infer<typeof RecordFollowUpBody> },
) {
  const b = opts.body;
  return onFollowUp(ctx, opts.actor, opts.followUpId, 'followup.record', async (trx, row, now) => {
    requireOpen(row);
    const estate = await estateOf(trx, row.estate_id);
    const performedAt = occurred(b.occurredAt, now, notBeforeOf(row));
    let performer = { id: opts.actor.id };
    if (b.performedById) {
      const person = await store.staffInEstate(trx, row.estate_id, b.performedById);
      if (!person) throw unknownReference('performedById');
      performer = person;
    }
    const attempts = Math.max(b.attempts ?? 0, row.attempt_count + 1);
    if (b.result === 'unreachable') {
      const decision = unreachableDecision(attempts, estate.policy);
      if (!decision.ok)
        throw refuse(
          'followup.unreachable_needs_attempts',
          `R-FU-4: "unreachable" is recorded after ${decision.needed} attempts; ${attempts} so far. Log each try, or give attempts.`,
          { field: 'attempts', needed: decision.needed, attempts },
        );
    }
    const at = now.toISOString();
    const after = {
      status: 'done',
      performed_at: performedAt,
      performed_by: performer.id,
      method: b.method,
      resident_words: b.residentWords ?? null,
      satisfaction: b.satisfaction ?? null,
      result: b.result,
      problem: b.result === 'problem' ? (b.problem ?? null) : (b.problem ?? null),
      attempt_count: attempts,
      recorded_at: at,
      recorded_by: opts.actor.id,
    };
    await trx.updateTable('followups').set(after).where('id', '=', row.id).execute();
    await meetObligations(trx, {
      subjectType: FOLLOW_UP,
      subjectId: row.id,
      rule: row.kind === 'after_rain' ? AFTER_RAIN_RULE : FOLLOW_UP_RULE,
      metAt: performedAt,
      metBy: performer.id,
    });
    if (b.result === 'problem') {
      await openObligation(trx, {
        estateId: row.estate_id,
        rule: NOTICE_RULE,
        subjectType: FOLLOW_UP,
        subjectId: row.id,
        departmentId: row.department_id,
        openedAt: performedAt,
        dueAt: noticeDueAt(performedAt, estate.policy),
        data: { caseId: row.case_id, problem: b.problem },
      });
    }
    const caseEvent = await recordOnCase(trx, {
      estateId: row.estate_id,
      caseId: row.case_id,
      type: 'follow_up',
      at: performedAt,
      actorId: performer.id,
      text: [b.residentWords, b.problem].filter(Boolean).join('\n') || null,
      data: { followUpId: row.id, kind: row.kind, method: b.method, result: b.result, satisfaction: b.satisfaction ?? null, attempts },
    });
    await log(trx, opts.actor.id, row.estate_id, at, [FOLLOW_UP, row.id], 'recorded', { status: row.status }, after);
    return [caseEvent];
  });
}

/** A try that did not reach the resident; "unreachable" is recorded after enough of them (R-FU-4). */
export async function recordFollowUpAttempt(
  ctx: AppContext,
  opts: { actor: Actor; followUpId: string; body: z.infer<typeof FollowUpAttemptBody> },
) {
  const b = opts.body;
  return onFollowUp(ctx, opts.actor, opts.followUpId, 'followup.record', async (trx, row, now) => {
    requireOpen(row);
    const at = occurred(b.occurredAt, now, notBeforeOf(row));
    const attempt = {
      id: newId(),
      estate_id: row.estate_id,
      followup_id: row.id,
      at,
      method: b.method,
      note: b.note ?? null,
      by_id: opts.actor.id,
    };
    await trx.insertInto('followup_attempts').values(attempt).execute();
    await trx.updateTable('followups').set({ attempt_count: sql<number>`attempt_count + 1` }).where('id', '=', row.id).execute();
    await log(trx, opts.actor.id, row.estate_id, now.toISOString(), [FOLLOW_UP, row.id], 'attempt', null, {
      at,
      method: b.method,
      note: b.note ?? null,
    });
    return [];
  });
}

export async function assignFollowUp(
  ctx: AppContext,
  opts: { actor: Actor; followUpId: string; body: z.infer<typeof AssignFollowUpBody> },
) {
  const assigneeId = opts.body.assigneeId;
  return onFollowUp(ctx, opts.actor, opts.followUpId, 'followup.assign', async (trx, row, now) => {
    if (row.status === 'done') throw refuse('followup.already_recorded', 'this follow-up is already recorded');
    if (assigneeId && !(await store.staffInEstate(trx, row.estate_id, assigneeId))) throw unknownReference('assigneeId');
    await trx.updateTable('followups').set({ assignee_id: assigneeId }).where('id', '=', row.id).execute();
    await trx
      .updateTable('obligations')
      .set({ owner_id: assigneeId })
      .where('subject_type', '=', FOLLOW_UP)
      .where('subject_id', '=', row.id)
      .where('rule', 'in', [FOLLOW_UP_RULE, AFTER_RAIN_RULE])
      .where('met_at', 'is', null)
      .where('cancelled_at', 'is', null)
      .execute();
    await log(
      trx,
      opts.actor.id,
      row.estate_id,
      now.toISOString(),
      [FOLLOW_UP, row.id],
      'assigned',
      { assigneeId: row.assignee_id },
      { assigneeId },
    );
    return assigneeId && assigneeId !== opts.actor.id
      ? [{ estateId: row.estate_id, type: 'followup.assigned', subjectId: row.id, staffIds: [assigneeId] }]
      : [];
  });
}

// ------------------------------------------------------------------ rectification notices (R-RC-1..3)

async function getNoticeWith(db: Db, actor: Actor, noticeId: string) {
  return presentNotice(await readableNotice(db, actor, noticeId));
}

export async function getRectificationNotice(ctx: AppContext, opts: { actor: Actor; noticeId: string }) {
  return getNoticeWith(ctx.db, opts.actor, opts.noticeId);
}

export async function listRectificationNotices(
  ctx: AppContext,
  opts: { actor: Actor; estateId: string; query: z.infer<typeof ListNoticesQuery> },
) {
  requireAbility(opts.actor, opts.estateId, 'notice.read.own');
  const q = opts.query;
  let base = store.noticesQuery(ctx.db, opts.estateId);
  // Without `notice.read` the list holds the notices addressed to the actor, not a refusal.
  if (!can(opts.actor, opts.estateId, 'notice.read')) base = base.where('n.recipient_id', '=', opts.actor.id);
  switch (q.status) {
    case 'void':
      base = base.where('n.voided_at', 'is not', null);
      break;
    case 'issued':
    case 'unacknowledged':
      base = base.where('n.voided_at', 'is', null).where('n.acknowledged_at', 'is', null);
      break;
    case 'acknowledged':
      base = base.where('n.voided_at', 'is', null).where('n.acknowledged_at', 'is not', null).where('n.rectified_at', 'is', null);
      break;
    case 'rectified':
      base = base.where('n.voided_at', 'is', null).where('n.rectified_at', 'is not', null);
      break;
  }
  if (q.recipient) base = base.where('n.recipient_id', '=', q.recipient === 'me' ? opts.actor.id : q.recipient);
  if (q.year) base = base.where('n.year', '=', q.year);
  if (q.caseId) base = base.where('n.case_id', '=', q.caseId);
  const { n } = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await base
    .select(store.noticeColumns)
    .orderBy('n.year', 'desc')
    .orderBy('n.number', 'desc')
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();
  return { items: rows.map(presentNotice), total: Number(n), page: q.page, pageSize: q.pageSize };
}

/** What a notice is issued for: a follow-up that found a problem, or a spot-check item that did. */
async function findingOf(trx: Trx, estateId: string, b: z.infer<typeof IssueNoticeBody>) {
  if (b.followUpId) {
    const f = await store.findFollowUp(trx, b.followUpId);
    if (!f || f.estate_id !== estateId) throw unknownReference('followUpId');
    if (f.result !== 'problem' || !f.performed_at)
      throw refuse('notice.no_problem_found', 'R-RC-1: a notice follows a follow-up whose result is a problem', { field: 'followUpId' });
    return {
      subjectType: FOLLOW_UP,
      subjectId: f.id,
      caseId: f.case_id,
      unitId: f.unit_id,
      maintenanceId: f.maintenance_id,
      at: f.performed_at,
      problem: f.problem,
    };
  }
  const item = await trx
    .selectFrom('spot_check_items')
    .innerJoin('followups', 'followups.id', 'spot_check_items.followup_id')
    .innerJoin('cases', 'cases.id', 'followups.case_id')
    .select([
      'spot_check_items.id',
      'spot_check_items.estate_id',
      'spot_check_items.verdict',
      'spot_check_items.verdict_at',
      'spot_check_items.note',
      'spot_check_items.problem_found',
      'followups.case_id',
      'cases.unit_id',
      'cases.maintenance_id',
    ])
    .where('spot_check_items.id', '=', b.spotCheckItemId ?? '')
    .executeTakeFirst();
  if (!item || item.estate_id !== estateId) throw unknownReference('spotCheckItemId');
  if (!item.verdict_at || (item.verdict !== 'discrepancy' && !item.problem_found))
    throw refuse('notice.no_problem_found', 'R-RC-1: a notice follows a spot check that found a discrepancy or a problem', {
      field: 'spotCheckItemId',
    });
  return {
    subjectType: SPOT_ITEM,
    subjectId: item.id,
    caseId: item.case_id,
    unitId: item.unit_id,
    maintenanceId: item.maintenance_id,
    at: item.verdict_at,
    problem: item.note,
  };
}

/** The live (not voided) notice already issued for a finding, if any: there is at most one (R-RC-1). */
async function liveNoticeFor(db: Db, estateId: string, b: z.infer<typeof IssueNoticeBody>): Promise<string | null> {
  let q = db.selectFrom('rectification_notices').select('id').where('estate_id', '=', estateId).where('voided_at', 'is', null);
  q = b.followUpId ? q.where('followup_id', '=', b.followUpId) : q.where('spot_check_item_id', '=', b.spotCheckItemId ?? '');
  return (await q.executeTakeFirst())?.id ?? null;
}

type IssueNoticeOptions = { actor: Actor; estateId: string; body: z.infer<typeof IssueNoticeBody>; idempotencyKey?: string | undefined };

/**
 * R-RC-1, R-RC-2: the written notice to the maintenance staff responsible. Its number is taken
 * first, inside this transaction, from the estate's counter for the year: concurrent issuers
 * queue on the counter row, so numbers are unique and gap-free (a rolled-back issue takes its
 * number back with it). A finding has at most one live notice, and a request repeated with the
 * same Idempotency-Key answers the notice the first one issued: neither takes a second number.
 */
export async function issueRectificationNotice(ctx: AppContext, opts: IssueNoticeOptions) {
  return (await issueRectificationNoticeOutcome(ctx, opts)).notice;
}

/** The notice, and whether this request issued it (false: a repeat answered with the first). */
export async function issueRectificationNoticeOutcome(ctx: AppContext, opts: IssueNoticeOptions) {
  requireAbility(opts.actor, opts.estateId, 'notice.issue');
  const b = opts.body;
  const idempotent = opts.idempotencyKey
    ? {
        estateId: opts.estateId,
        operation: 'issueRectificationNotice',
        key: opts.idempotencyKey,
        // The key names one issue for one finding; an edited retry of it still answers the first notice.
        request: { followUpId: b.followUpId ?? null, spotCheckItemId: b.spotCheckItemId ?? null },
      }
    : null;
  // A retried request (same Idempotency-Key) answers the notice the first one issued.
  const earlier = idempotent && (await recordFor(ctx.db, idempotent));
  if (earlier) return { notice: await getNoticeWith(ctx.db, opts.actor, earlier), created: false };
  const issue = () =>
    ctx.db.transaction().execute(async (trx) => {
      const estate = await estateOf(trx, opts.estateId);
      const finding = await findingOf(trx, estate.id, b);
      const now = ctx.clock.now();
      const issuedAt = occurred(b.occurredAt, now, { at: finding.at, what: 'the problem was found' });
      if (new Date(b.deadlineAt).getTime() <= new Date(issuedAt).getTime())
        throw invalid('deadlineAt', 'must be after the notice is issued');
      const problem = b.problem ?? finding.problem;
      if (!problem) throw invalid('problem', 'say what problem was found');
      const recipientId = b.recipientId ?? finding.maintenanceId;
      if (!recipientId)
        throw refuse('notice.needs_recipient', 'R-RC-1: name the maintenance staff responsible; the repair has none on record', {
          field: 'recipientId',
        });
      if (!(await store.staffInEstate(trx, estate.id, recipientId))) throw unknownReference('recipientId');

      // One live notice per finding: a valid second click, or another clerk's request, gets the first.
      const existing = await liveNoticeFor(trx, estate.id, b);
      if (existing) {
        if (idempotent) await rememberRecord(trx, idempotent, existing, now.toISOString());
        return { id: existing, events: [] as LiveEvent[], created: false };
      }

      const year = yearOf(issuedAt, estate.timeZone);
      const number = await nextNumber(trx, { estateId: estate.id, name: 'rectification_notice', period: String(year) });
      const row = {
        id: newId(),
        estate_id: estate.id,
        year,
        number,
        case_id: finding.caseId,
        followup_id: finding.subjectType === FOLLOW_UP ? finding.subjectId : null,
        spot_check_item_id: finding.subjectType === SPOT_ITEM ? finding.subjectId : null,
        unit_id: finding.unitId,
        finding_at: finding.at,
        problem,
        required_action: b.requiredAction,
        deadline_at: new Date(b.deadlineAt).toISOString(),
        recipient_id: recipientId,
        issued_by: opts.actor.id,
        issued_at: issuedAt,
        issue_due_at: noticeDueAt(finding.at, estate.policy),
        acknowledged_at: null,
        acknowledged_by: null,
        rectified_at: null,
        rectified_by: null,
        rectified_note: null,
        next_followup_id: null,
        voided_at: null,
        voided_by: null,
        void_reason: null,
      };
      await trx.insertInto('rectification_notices').values(row).execute();
      await meetObligations(trx, {
        subjectType: finding.subjectType,
        subjectId: finding.subjectId,
        rule: NOTICE_RULE,
        metAt: issuedAt,
        metBy: opts.actor.id,
      });
      await openObligation(trx, {
        estateId: estate.id,
        rule: RECTIFY_RULE,
        subjectType: NOTICE,
        subjectId: row.id,
        ownerId: recipientId,
        openedAt: issuedAt,
        dueAt: row.deadline_at,
        data: { caseId: finding.caseId, code: noticeCode(year, number) },
      });
      const code = noticeCode(year, number);
      const caseEvent = await recordOnCase(trx, {
        estateId: estate.id,
        caseId: finding.caseId,
        type: 'rectification_notice',
        at: issuedAt,
        actorId: opts.actor.id,
        text: `${code} ${problem}\n${b.requiredAction}`,
        data: { noticeId: row.id, code, action: 'issued', deadlineAt: row.deadline_at },
      });
      const notified = await notifyStaff(trx, ctx, {
        estateId: estate.id,
        staffIds: recipientId === opts.actor.id ? [] : [recipientId],
        kind: 'rectification.issued',
        subjectType: NOTICE,
        subjectId: row.id,
        at: now.toISOString(),
        data: { code, problem: problem.slice(0, 200), deadlineAt: row.deadline_at },
        email: {
          subject: `書面整改通知 / Rectification notice ${code}`,
          body: `${estate.name}\n${code}\n\n${problem}\n\n${b.requiredAction}\n\nDeadline: ${row.deadline_at}`,
          key: row.id,
        },
      });
      await log(trx, opts.actor.id, estate.id, now.toISOString(), [NOTICE, row.id], 'issued', null, { ...row, code });
      const live: LiveEvent[] = [
        changed(estate.id, 'rectification.changed', row.id),
        changed(estate.id, 'followup.changed', finding.subjectId),
        caseEvent,
      ];
      if (notified.length) live.push({ estateId: estate.id, type: 'notice.created', subjectId: row.id, staffIds: notified });
      if (idempotent) await rememberRecord(trx, idempotent, row.id, now.toISOString());
      return { id: row.id, events: live, created: true };
    });
  let outcome: Awaited<ReturnType<typeof issue>>;
  try {
    outcome = await issue();
  } catch (err) {
    // A concurrent twin (the same key, or the same finding) committed first; this one took no
    // number (its transaction rolled back). Answer the twin's notice.
    if (!isUniqueViolation(err)) throw err;
    const twin = (idempotent && (await recordFor(ctx.db, idempotent))) ?? (await liveNoticeFor(ctx.db, opts.estateId, b));
    if (!twin) throw err;
    return { notice: await getNoticeWith(ctx.db, opts.actor, twin), created: false };
  }
  await publishAll(ctx, outcome.events);
  return { notice: await getNoticeWith(ctx.db, opts.actor, outcome.id), created: outcome.created };
}

/**
 * Runs one use case on a notice the actor may read: `ability` is what acting on another's notice
 * needs; with `recipientMay` the recipient acts on their own without it.
 */
async function onNotice(
  ctx: AppContext,
  actor: Actor,
  noticeId: string,
  access: { ability: FollowUpAbility; recipientMay: boolean },
  fn: (trx: Trx, row: store.NoticeRow, now: Date) => Promise<LiveEvent[] | undefined>,
) {
  const events = await ctx.db.transaction().execute(async (trx) => {
    const row = await readableNotice(trx, actor, noticeId);
    if (!(access.recipientMay && row.recipient_id === actor.id))
      requireAbility(actor, row.estate_id, access.ability, 'rectification notice');
    const extra = (await fn(trx, row, ctx.clock.now())) ?? [];
    return [changed(row.estate_id, 'rectification.changed', row.id), ...extra];
  });
  await publishAll(ctx, events);
  return getNoticeWith(ctx.db, actor, noticeId);
}

function requireLive(row: store.NoticeRow) {
  if (row.voided_at) throw refuse('notice.void', 'the notice is void');
}

/** The recipient, or the desk on their behalf (a signed paper copy), records receipt. */
export async function acknowledgeRectificationNotice(
  ctx: AppContext,
  opts: { actor: Actor; noticeId: string; body: z.infer<typeof AcknowledgeNoticeBody> },
) {
  return onNotice(ctx, opts.actor, opts.noticeId, { ability: 'notice.acknowledge', recipientMay: true }, async (trx, row, now) => {
    requireLive(row);
    // Acknowledging twice changes nothing: the first receipt stands (a retried request is harmless).
    if (row.acknowledged_at) return [];
    const at = occurred(opts.body.occurredAt, now, { at: row.issued_at, what: 'the notice was issued' });
    await trx
      .updateTable('rectification_notices')
      .set({ acknowledged_at: at, acknowledged_by: opts.actor.id })
      .where('id', '=', row.id)
      .execute();
    await log(trx, opts.actor.id, row.estate_id, now.toISOString(), [NOTICE, row.id], 'acknowledged', null, { acknowledgedAt: at });
    return [];
  });
}

/**
 * R-RC-3: the rectification is done (reported by the recipient, or by the office); a new
 * follow-up is scheduled by R-FU-1 for the same repair class.
 */
export async function markRectified(ctx: AppContext, opts: { actor: Actor; noticeId: string; body: z.infer<typeof MarkRectifiedBody> }) {
  return onNotice(ctx, opts.actor, opts.noticeId, { ability: 'notice.rectified', recipientMay: true }, async (trx, row, now) => {
    requireLive(row);
    if (row.rectified_at) throw refuse('notice.already_rectified', 'the notice is already marked rectified');
    if (!row.acknowledged_at)
      throw refuse('notice.not_acknowledged', 'R-RC-2: the recipient acknowledges the notice before it is marked rectified');
    const at = occurred(opts.body.occurredAt, now, { at: row.acknowledged_at, what: 'the notice was acknowledged' });
    const estate = await estateOf(trx, row.estate_id);
    const repairClass = (row.repair_class ?? 'other') as RepairClass;
    const next = await insertFollowUp(trx, {
      estateId: row.estate_id,
      caseId: row.case_id,
      kind: 'after_rectification',
      repairClass,
      completedAt: at,
      openedAt: at,
      dueAt: followUpDueAt(repairClass, at, estate.policy),
      dedupeKey: `rectification:${row.id}`,
      noticeId: row.id,
    });
    await trx
      .updateTable('rectification_notices')
      .set({ rectified_at: at, rectified_by: opts.actor.id, rectified_note: opts.body.note ?? null, next_followup_id: next?.id ?? null })
      .where('id', '=', row.id)
      .execute();
    await meetObligations(trx, { subjectType: NOTICE, subjectId: row.id, rule: RECTIFY_RULE, metAt: at, metBy: opts.actor.id });
    const code = noticeCode(row.year, row.number);
    const caseEvent = await recordOnCase(trx, {
      estateId: row.estate_id,
      caseId: row.case_id,
      type: 'rectification_notice',
      at,
      actorId: opts.actor.id,
      text: opts.body.note ?? null,
      data: { noticeId: row.id, code, action: 'rectified', nextFollowUpId: next?.id ?? null },
    });
    await log(trx, opts.actor.id, row.estate_id, now.toISOString(), [NOTICE, row.id], 'rectified', null, {
      rectifiedAt: at,
      note: opts.body.note ?? null,
      nextFollowUpId: next?.id ?? null,
    });
    return [caseEvent, changed(row.estate_id, 'followup.changed', next?.id ?? row.id)];
  });
}

/** Notices are never deleted: a mistaken one is voided with a reason and keeps its number. */
export async function voidRectificationNotice(
  ctx: AppContext,
  opts: { actor: Actor; noticeId: string; body: z.infer<typeof VoidNoticeBody> },
) {
  return onNotice(ctx, opts.actor, opts.noticeId, { ability: 'notice.void', recipientMay: false }, async (trx, row, now) => {
    requireLive(row);
    if (row.rectified_at) throw refuse('notice.already_rectified', 'a rectified notice stays on record as it is');
    const at = now.toISOString();
    await trx
      .updateTable('rectification_notices')
      .set({ voided_at: at, voided_by: opts.actor.id, void_reason: opts.body.reason })
      .where('id', '=', row.id)
      .execute();
    await cancelObligations(trx, { subjectType: NOTICE, subjectId: row.id, at });
    await recordOnCase(trx, {
      estateId: row.estate_id,
      caseId: row.case_id,
      type: 'rectification_notice',
      at,
      actorId: opts.actor.id,
      text: opts.body.reason,
      data: { noticeId: row.id, code: noticeCode(row.year, row.number), action: 'voided' },
    });
    await log(trx, opts.actor.id, row.estate_id, at, [NOTICE, row.id], 'voided', null, { reason: opts.body.reason });
    return [changed(row.estate_id, 'case.updated', row.case_id)];
  });
}

// ------------------------------------------------------------------ the monthly spot check (R-FU-5)

/** The month's check row and its R-FU-5 obligation, created once (unique per estate and month). */
async function ensureSpotCheck(trx: Trx, estate: { id: string; timeZone: string; policy: EstatePolicy }, month: string, at: string) {
  const dueAt = spotCheckDueAt(month, estate.timeZone, estate.policy);
  const id = newId();
  const inserted = await trx
    .insertInto('spot_checks')
    .values({
      id,
      estate_id: estate.id,
      month,
      seed: null,
      population: 0,
      sample_size: 0,
      drawn_at: null,
      drawn_by: null,
      due_at: dueAt,
      completed_at: null,
      created_at: at,
    })
    .onConflict((oc) => oc.columns(['estate_id', 'month']).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (inserted) {
    await openObligation(trx, {
      estateId: estate.id,
      rule: SPOT_CHECK_RULE,
      subjectType: SPOT_CHECK,
      subjectId: id,
      openedAt: monthBounds(month, estate.timeZone).end,
      dueAt,
      data: { month },
    });
  }
  return trx.selectFrom('spot_checks').selectAll().where('estate_id', '=', estate.id).where('month', '=', month).executeTakeFirstOrThrow();
}

/** Each sweep: every estate has its check for the month just ended, with its deadline (R-FU-5). */
export async function openMonthlySpotChecks(db: Kysely<Database>, now: string): Promise<void> {
  const estates = await db.selectFrom('estates').select(['id', 'time_zone', 'policy', 'created_at']).execute();
  for (const e of estates) {
    const month = previousMonth(now, e.time_zone);
    if (e.created_at >= monthBounds(month, e.time_zone).end) continue;
    const exists = await db
      .selectFrom('spot_checks')
      .select('id')
      .where('estate_id', '=', e.id)
      .where('month', '=', month)
      .executeTakeFirst();
    if (exists) continue;
    await db
      .transaction()
      .execute((trx) =>
        ensureSpotCheck(trx, { id: e.id, timeZone: e.time_zone, policy: EstatePolicy.parse(JSON.parse(e.policy)) }, month, now),
      );
  }
}

async function loadSpotCheck(db: Db, spotCheckId: string, asOf: Date, alreadyDrawn = false) {
  const check = await db
    .selectFrom('spot_checks')
    .leftJoin('staff', 'staff.id', 'spot_checks.drawn_by')
    .selectAll('spot_checks')
    .select('staff.name as drawer_name')
    .where('spot_checks.id', '=', spotCheckId)
    .executeTakeFirstOrThrow();
  const items = await db
    .selectFrom('spot_check_items')
    .leftJoin('staff', 'staff.id', 'spot_check_items.verdict_by')
    .selectAll('spot_check_items')
    .select('staff.name as verdict_name')
    .where('spot_check_items.spot_check_id', '=', spotCheckId)
    .orderBy('spot_check_items.position')
    .execute();
  const fuRows = items.length
    ? await store
        .followUpsQuery(db, check.estate_id)
        .select(store.followUpColumns)
        .where(
          'followups.id',
          'in',
          items.map((i) => i.followup_id),
        )
        .execute()
    : [];
  const followUps = await presentFollowUps(db, fuRows, asOf);
  return presentSpotCheck(check, items, followUps, asOf, alreadyDrawn);
}

export async function getSpotCheck(ctx: AppContext, opts: { actor: Actor; spotCheckId: string }) {
  const row = await ctx.db.selectFrom('spot_checks').select('estate_id').where('id', '=', opts.spotCheckId).executeTakeFirst();
  if (!row) throw notFound('spot check');
  requireAbility(opts.actor, row.estate_id, 'spotcheck.read', 'spot check');
  return loadSpotCheck(ctx.db, opts.spotCheckId, ctx.clock.now());
}

export async function listSpotChecks(
  ctx: AppContext,
  opts: { actor: Actor; estateId: string; query: z.infer<typeof ListSpotChecksQuery> },
) {
  requireAbility(opts.actor, opts.estateId, 'spotcheck.read');
  const q = opts.query;
  let base = ctx.db.selectFrom('spot_checks').where('estate_id', '=', opts.estateId);
  if (q.year) base = base.where('month', 'like', `${q.year}-%`);
  const { n } = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await base
    .select('id')
    .orderBy('month', 'desc')
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();
  const asOf = ctx.clock.now();
  const items = [];
  for (const r of rows) items.push(await loadSpotCheck(ctx.db, r.id, asOf));
  return { items, total: Number(n), page: q.page, pageSize: q.pageSize };
}

/**
 * R-FU-5: the manager draws the month's sample once. The population is the month's completed
 * follow-ups in a fixed order (completion time, id); the recorded seed drives the draw, so the
 * sample can be redone by anyone, and drawing again returns it rather than a new one.
 */
export async function drawSpotCheck(ctx: AppContext, opts: { actor: Actor; estateId: string; body: z.infer<typeof DrawSpotCheckBody> }) {
  requireAbility(opts.actor, opts.estateId, 'spotcheck.draw');
  const now = ctx.clock.now();
  const { id, fresh, events } = await ctx.db.transaction().execute(async (trx) => {
    const estate = await estateOf(trx, opts.estateId);
    const month = monthBounds(opts.body.month, estate.timeZone);
    if (new Date(month.end).getTime() > now.getTime())
      throw refuse('followup.month_not_over', 'R-FU-5: the spot check of a month is drawn once the month is over', { field: 'month' });
    const at = now.toISOString();
    const check = await ensureSpotCheck(trx, estate, opts.body.month, at);
    if (check.drawn_at) return { id: check.id, fresh: false, events: [] };
    const population = await trx
      .selectFrom('followups')
      .select('id')
      .where('estate_id', '=', estate.id)
      .where('status', '=', 'done')
      .where('performed_at', '>=', month.start)
      .where('performed_at', '<', month.end)
      .orderBy('performed_at')
      .orderBy('id')
      .execute();
    const seed = opts.body.seed ?? randomBytes(8).toString('hex');
    const size = spotCheckSampleSize(population.length, estate.policy);
    const sample = drawSample(
      population.map((p) => p.id),
      seed,
      size,
    );
    const won = await trx
      .updateTable('spot_checks')
      .set({
        seed,
        population: population.length,
        sample_size: sample.length,
        drawn_at: at,
        drawn_by: opts.actor.id,
        completed_at: sample.length ? null : at,
      })
      .where('id', '=', check.id)
      .where('drawn_at', 'is', null)
      .executeTakeFirst();
    if (Number(won.numUpdatedRows) !== 1) return { id: check.id, fresh: false, events: [] };
    if (sample.length) {
      await trx
        .insertInto('spot_check_items')
        .values(
          sample.map((followupId, i) => ({
            id: newId(),
            estate_id: estate.id,
            spot_check_id: check.id,
            followup_id: followupId,
            position: i + 1,
            verdict: null,
            note: null,
            problem_found: 0,
            verdict_at: null,
            verdict_by: null,
          })),
        )
        .execute();
    } else {
      await meetObligations(trx, { subjectType: SPOT_CHECK, subjectId: check.id, rule: SPOT_CHECK_RULE, metAt: at, metBy: opts.actor.id });
    }
    await log(trx, opts.actor.id, estate.id, at, [SPOT_CHECK, check.id], 'drawn', null, {
      month: opts.body.month,
      seed,
      population: population.length,
      sample,
    });
    return { id: check.id, fresh: true, events: [changed(estate.id, 'spotcheck.changed', check.id)] };
  });
  await publishAll(ctx, events);
  return { created: fresh, spotCheck: await loadSpotCheck(ctx.db, id, now, !fresh) };
}

/** A verdict per sampled follow-up; a discrepancy flags the follow-up and tells its author; a problem found needs a notice (R-RC-1). */
export async function recordSpotCheckVerdict(
  ctx: AppContext,
  opts: { actor: Actor; itemId: string; body: z.infer<typeof SpotVerdictBody> },
) {
  const b = opts.body;
  const item = await ctx.db.selectFrom('spot_check_items').selectAll().where('id', '=', opts.itemId).executeTakeFirst();
  if (!item) throw notFound('spot-check item');
  requireAbility(opts.actor, item.estate_id, 'spotcheck.verdict', 'spot-check item');
  const now = ctx.clock.now();
  const events = await ctx.db.transaction().execute(async (trx) => {
    const at = now.toISOString();
    const check = await trx.selectFrom('spot_checks').selectAll().where('id', '=', item.spot_check_id).executeTakeFirstOrThrow();
    const verdictAt = occurred(b.occurredAt, now, { at: check.drawn_at, what: 'the sample was drawn' });
    const won = await trx
      .updateTable('spot_check_items')
      .set({
        verdict: b.verdict,
        note: b.note ?? null,
        problem_found: b.problemFound ? 1 : 0,
        verdict_at: verdictAt,
        verdict_by: opts.actor.id,
      })
      .where('id', '=', item.id)
      .where('verdict', 'is', null)
      .executeTakeFirst();
    if (Number(won.numUpdatedRows) !== 1)
      throw refuse('followup.verdict_recorded', 'this item already has its verdict', { field: 'verdict' });
    const live: LiveEvent[] = [changed(item.estate_id, 'spotcheck.changed', check.id)];
    const fu = await trx
      .selectFrom('followups')
      .select(['id', 'case_id', 'performed_by'])
      .where('id', '=', item.followup_id)
      .executeTakeFirstOrThrow();
    if (b.verdict === 'discrepancy') {
      await trx
        .updateTable('followups')
        .set({ flagged_at: verdictAt, flagged_by: opts.actor.id, flag_note: b.note ?? null })
        .where('id', '=', fu.id)
        .execute();
      const told = await notifyStaff(trx, ctx, {
        estateId: item.estate_id,
        staffIds: fu.performed_by && fu.performed_by !== opts.actor.id ? [fu.performed_by] : [],
        kind: 'followup.flagged',
        subjectType: FOLLOW_UP,
        subjectId: fu.id,
        at,
        data: { month: check.month, note: (b.note ?? '').slice(0, 200) },
      });
      if (told.length) live.push({ estateId: item.estate_id, type: 'notice.created', subjectId: fu.id, staffIds: told });
      live.push(changed(item.estate_id, 'followup.changed', fu.id));
    }
    if (b.problemFound) {
      const estate = await estateOf(trx, item.estate_id);
      await openObligation(trx, {
        estateId: item.estate_id,
        rule: NOTICE_RULE,
        subjectType: SPOT_ITEM,
        subjectId: item.id,
        openedAt: verdictAt,
        dueAt: noticeDueAt(verdictAt, estate.policy),
        data: { caseId: fu.case_id, spotCheckId: check.id },
      });
    }
    const left = await trx
      .selectFrom('spot_check_items')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('spot_check_id', '=', check.id)
      .where('verdict', 'is', null)
      .executeTakeFirstOrThrow();
    if (Number(left.n) === 0) {
      await trx.updateTable('spot_checks').set({ completed_at: verdictAt }).where('id', '=', check.id).execute();
      await meetObligations(trx, {
        subjectType: SPOT_CHECK,
        subjectId: check.id,
        rule: SPOT_CHECK_RULE,
        metAt: verdictAt,
        metBy: opts.actor.id,
      });
    }
    await log(trx, opts.actor.id, item.estate_id, at, [SPOT_ITEM, item.id], 'verdict', null, {
      verdict: b.verdict,
      note: b.note ?? null,
      problemFound: b.problemFound,
    });
    return live;
  });
  await publishAll(ctx, events);
  return loadSpotCheck(ctx.db, item.spot_check_id, now);
}

// ------------------------------------------------------------------ the dashboard

export async function followUpSummary(ctx: AppContext, opts: { actor: Actor; estateId: string; asOf?: string }) {
  requireAbility(opts.actor, opts.estateId, 'followup.read');
  const estate = await estateOf(ctx.db, opts.estateId);
  const asOf = opts.asOf ? new Date(opts.asOf) : ctx.clock.now();
  const asOfIso = asOf.toISOString();
  const today = dayBounds(asOfIso, estate.timeZone);
  const rows = await ctx.db
    .selectFrom('followups')
    .select(['repair_class', 'status', 'due_at'])
    .where('estate_id', '=', estate.id)
    .where('status', 'in', ['open', 'awaiting_rain'])
    .execute();
  const byClass = (['safety', 'leak', 'other'] as const).map((repairClass) => {
    const open = rows.filter((r) => r.repair_class === repairClass && r.status === 'open' && r.due_at);
    return {
      repairClass,
      open: open.length,
      overdue: open.filter((r) => (r.due_at as string) < asOfIso).length,
      dueToday: open.filter((r) => (r.due_at as string) >= asOfIso && (r.due_at as string) < today.end).length,
    };
  });
  const openOf = (rule: string) =>
    ctx.db
      .selectFrom('obligations')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('estate_id', '=', estate.id)
      .where('rule', '=', rule)
      .where('met_at', 'is', null)
      .where('cancelled_at', 'is', null);
  const noticesDue = await openOf(NOTICE_RULE).executeTakeFirstOrThrow();
  const pastDeadline = await openOf(RECTIFY_RULE).where('due_at', '<', asOfIso).executeTakeFirstOrThrow();
  const unacknowledged = await ctx.db
    .selectFrom('rectification_notices')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('estate_id', '=', estate.id)
    .where('voided_at', 'is', null)
    .where('acknowledged_at', 'is', null)
    .executeTakeFirstOrThrow();
  const month = previousMonth(asOfIso, estate.timeZone);
  const check = await ctx.db
    .selectFrom('spot_checks')
    .selectAll()
    .where('estate_id', '=', estate.id)
    .where('month', '=', month)
    .executeTakeFirst();
  const dueAt = check?.due_at ?? spotCheckDueAt(month, estate.timeZone, estate.policy);
  const spotCheck =
    estate.created_at < monthBounds(month, estate.timeZone).end
      ? {
          month,
          status: (check?.completed_at ? 'complete' : check?.drawn_at ? 'drawn' : 'pending') as 'pending' | 'drawn' | 'complete',
          dueAt,
          state: obligationState({ met_at: check?.completed_at ?? null, cancelled_at: null, due_at: dueAt }, asOf),
        }
      : null;
  return {
    asOf: asOfIso,
    byClass,
    awaitingRain: rows.filter((r) => r.status === 'awaiting_rain').length,
    noticesDue: Number(noticesDue.n),
    noticesUnacknowledged: Number(unacknowledged.n),
    noticesPastDeadline: Number(pastDeadline.n),
    spotCheck,
  };
}

// ------------------------------------------------------------------ breaches

/** A follow-up deadline breached: the estate's managers are told, and the obligation names who it went to. */
export async function escalateBreach(trx: Trx, ctx: AppContext, obligation: ObligationRow, at: string): Promise<LiveEvent[]> {
  const managers = await store.managersOf(trx, obligation.estate_id);
  await trx
    .updateTable('obligations')
    .set({ escalated_to: managers[0] ?? null, escalated_at: at })
    .where('id', '=', obligation.id)
    .execute();
  const extra: string[] = [];
  if (obligation.rule === RECTIFY_RULE) {
    const n = await trx.selectFrom('rectification_notices').select('issued_by').where('id', '=', obligation.subject_id).executeTakeFirst();
    if (n) extra.push(n.issued_by);
  }
  const data = JSON.parse(obligation.data) as Record<string, unknown>;
  const told = await notifyStaff(trx, ctx, {
    estateId: obligation.estate_id,
    staffIds: [...managers, ...extra],
    kind: 'obligation.breached',
    subjectType: obligation.subject_type,
    subjectId: obligation.subject_id,
    at,
    data: { rule: obligation.rule, dueAt: obligation.due_at, ...data },
    email: {
      subject: `${obligation.rule} 逾期 / overdue`,
      body: `${obligation.rule}: due ${obligation.due_at}\n${JSON.stringify(data)}`,
      key: obligation.id,
    },
  });
  const live: LiveEvent[] = [
    changed(
      obligation.estate_id,
      obligation.subject_type === FOLLOW_UP ? 'followup.changed' : 'rectification.changed',
      obligation.subject_id,
    ),
  ];
  if (told.length) live.push({ estateId: obligation.estate_id, type: 'notice.created', subjectId: obligation.subject_id, staffIds: told });
  return live;
}

export { presentFollowUp };
