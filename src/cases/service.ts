import type { Transaction } from 'kysely';
import { DateTime } from 'luxon';
import type { z } from 'zod';
import { type Actor, can, forbidden, requireAbility, roleIn, seesEstate } from '../auth/policy.js';
import type {
  AssignCaseBody,
  CaseDetail,
  CaseSummary,
  CloseBody,
  CompleteRepairBody,
  CreateCaseBody,
  CreateSavedViewBody,
  EscalateBody,
  ForwardBody,
  ListCasesQuery,
  ListObligationsQuery,
  NoteBody,
  Obligation,
  ReopenBody,
  RepairWorkBody,
  ReplyBody,
  ResolveBody,
  SatisfactionBody,
  StartRepairBody,
} from '../contract/cases.js';
import { EstatePolicy } from '../contract/directory.js';
import type { AppContext } from '../platform/context.js';
import { nextNumber } from '../platform/counters.js';
import type { Database } from '../platform/db/schema.js';
import { AppError, notFound, type RuleCode, unknownReference } from '../platform/errors.js';
import { emit } from '../platform/events.js';
import { recordChange } from '../platform/history.js';
import { newId } from '../platform/ids.js';
import type { LiveEvent } from '../platform/live.js';
import {
  cancelObligations,
  meetObligations,
  metOnTime,
  obligationState,
  obligationsOf,
  openObligation,
  queueQuery,
  reassignObligations,
} from '../platform/obligations/index.js';
import { publishAll, occurredAt as whenItHappened } from '../platform/occurred.js';
import { enqueue } from '../platform/outbox/index.js';
import { type CaseAbility, requireCaseRead, requireOnCase } from './access.js';
import { notifyStaff } from './notify.js';
import { presentCase, presentDetail, presentObligation } from './present.js';
import {
  type CaseKind,
  caseNumber,
  closeDecision,
  departmentsFor,
  forwardProblem,
  REPLY_RULE,
  replyDueAt,
  satisfactionEscalates,
} from './rules.js';
import * as store from './store.js';

type Trx = Transaction<Database>;
const SUBJECT = 'case';

/** A refusal under a case rule: 422 with the rule's own code, so the desk can say which rule. */
function caseError(code: RuleCode, message: string, details: Record<string, unknown> = {}): AppError {
  return new AppError(code, message, details);
}

async function estatePolicy(db: Trx | AppContext['db'], estateId: string) {
  const row = await db.selectFrom('estates').select(['policy', 'time_zone']).where('id', '=', estateId).executeTakeFirst();
  if (!row) throw notFound('estate');
  return { policy: EstatePolicy.parse(JSON.parse(row.policy)), timeZone: row.time_zone };
}

/**
 * The case behind an id, with the operation's ability checked in the case's estate: a case of an
 * estate the actor does not work for answers 404 as if it did not exist (see `access.ts`).
 */
async function caseFor(db: Trx | AppContext['db'], actor: Actor, caseId: string, ability: CaseAbility) {
  const row = await store.findCase(db, caseId);
  if (!row) throw notFound('case');
  requireOnCase(actor, row, ability);
  return row;
}

function changed(estateId: string, caseId: string, type = 'case.updated'): LiveEvent {
  return { estateId, type, subjectId: caseId };
}

/** Runs one use case on a case: load, check its ability, change in one transaction, publish after commit. */
async function onCase(
  ctx: AppContext,
  actor: Actor,
  caseId: string,
  ability: CaseAbility,
  fn: (trx: Trx, row: store.CaseJoinRow, at: string) => Promise<LiveEvent[] | undefined>,
): Promise<CaseDetail> {
  const events = await ctx.db.transaction().execute(async (trx) => {
    const row = await caseFor(trx, actor, caseId, ability);
    const at = ctx.clock.now().toISOString();
    const extra = (await fn(trx, row, at)) ?? [];
    await trx.updateTable('cases').set({ updated_at: at }).where('id', '=', caseId).execute();
    return [changed(row.estate_id, caseId), ...extra];
  });
  await publishAll(ctx, events);
  return getCase(ctx, { actor, caseId });
}

async function logCase(
  trx: Trx,
  actor: Actor | null,
  at: string,
  row: { estate_id: string; id: string },
  action: string,
  before: unknown,
  after: unknown,
) {
  await recordChange(trx, {
    estateId: row.estate_id,
    actorId: actor?.id ?? null,
    at,
    entityType: 'case',
    entityId: row.id,
    action,
    before,
    after,
  });
}

// ------------------------------------------------------------------ intake (R-IN-1..4)

export async function createCase(
  ctx: AppContext,
  opts: { actor: Actor; estateId: string; body: z.infer<typeof CreateCaseBody> },
): Promise<CaseDetail> {
  requireAbility(opts.actor, opts.estateId, 'case.create');
  const b = opts.body;
  const now = ctx.clock.now();
  const recordedAt = now.toISOString();
  const occurredAt = whenItHappened(b.occurredAt, now, { field: 'occurredAt' });
  const id = newId();
  const events = await ctx.db.transaction().execute(async (trx) => {
    const { policy, timeZone } = await estatePolicy(trx, opts.estateId);
    let residentName = b.residentName ?? null;
    let residentPhone = b.residentPhone ?? null;
    if (b.unitId) {
      const unit = await trx
        .selectFrom('units')
        .select('id')
        .where('id', '=', b.unitId)
        .where('estate_id', '=', opts.estateId)
        .executeTakeFirst();
      if (!unit) throw unknownReference('unitId');
    }
    if (b.residentId) {
      const resident = await trx
        .selectFrom('residents')
        .select(['id', 'name', 'phone'])
        .where('id', '=', b.residentId)
        .where('estate_id', '=', opts.estateId)
        .executeTakeFirst();
      if (!resident) throw unknownReference('residentId');
      residentName ??= resident.name;
      residentPhone ??= resident.phone;
    }
    const year = DateTime.fromISO(recordedAt, { zone: timeZone }).year;
    const number = caseNumber(year, await nextNumber(trx, { estateId: opts.estateId, name: 'case', period: String(year) }));
    const departments = await trx
      .selectFrom('departments')
      .select(['id', 'case_kinds', 'repair_classes'])
      .where('estate_id', '=', opts.estateId)
      .execute();
    const routed = departmentsFor(
      b.kind,
      b.repairClass ?? null,
      departments.map((d) => ({
        id: d.id,
        caseKinds: JSON.parse(d.case_kinds) as string[],
        repairClasses: JSON.parse(d.repair_classes) as string[],
      })),
    )[0];
    const row = {
      id,
      estate_id: opts.estateId,
      number,
      kind: b.kind,
      channel: b.channel,
      status: 'new',
      unit_id: b.unitId ?? null,
      resident_id: b.residentId ?? null,
      resident_name: residentName,
      resident_phone: residentPhone,
      description: b.description,
      repair_class: b.repairClass ?? null,
      occurred_at: occurredAt,
      recorded_at: recordedAt,
      recorded_by: opts.actor.id,
      department_id: routed?.id ?? null,
      assignee_id: null,
      maintenance_id: null,
      escalated_to: null,
      first_reply_at: null,
      result: null,
      satisfaction: null,
      repair_started_at: null,
      repair_completed_at: null,
      closed_at: null,
      closed_by: null,
      close_reason: null,
      updated_at: recordedAt,
    };
    await trx.insertInto('cases').values(row).execute();
    await store.addEvent(trx, {
      estateId: opts.estateId,
      caseId: id,
      type: 'recorded',
      at: occurredAt,
      actorId: opts.actor.id,
      text: b.description,
      data: { channel: b.channel, kind: b.kind, recordedAt },
    });
    await store.indexText(trx, opts.estateId, id, [number, b.description, residentName ?? '', residentPhone ?? ''].join(' '));
    const due = replyDueAt(b.kind, b.channel, new Date(occurredAt), policy);
    if (due) {
      await openObligation(trx, {
        estateId: opts.estateId,
        rule: REPLY_RULE,
        subjectType: SUBJECT,
        subjectId: id,
        departmentId: row.department_id,
        openedAt: occurredAt,
        dueAt: due.toISOString(),
      });
    }
    await logCase(trx, opts.actor, recordedAt, row, 'created', null, row);
    return [changed(opts.estateId, id, 'case.created')];
  });
  await publishAll(ctx, events);
  return getCase(ctx, { actor: opts.actor, caseId: id });
}

// ------------------------------------------------------------------ reading

/** A case with its timeline: `case.read` reads any case of the estate, `case.read.own` the person's own. */
export async function getCase(ctx: AppContext, opts: { actor: Actor; caseId: string; asOf?: Date }): Promise<CaseDetail> {
  const row = await store.findCase(ctx.db, opts.caseId);
  if (!row) throw notFound('case');
  requireCaseRead(opts.actor, row);
  const asOf = opts.asOf ?? ctx.clock.now();
  const [events, obligations, attachments] = await Promise.all([
    ctx.db
      .selectFrom('case_events')
      .leftJoin('staff', 'staff.id', 'case_events.actor_id')
      .select([
        'case_events.id',
        'case_events.type',
        'case_events.at',
        'case_events.actor_id',
        'staff.name as actor_name',
        'case_events.text',
        'case_events.data',
      ])
      .where('case_events.case_id', '=', row.id)
      .orderBy('case_events.at')
      .orderBy('case_events.id')
      .execute(),
    obligationsWithNames(ctx, SUBJECT, row.id),
    ctx.db.selectFrom('attachments').selectAll().where('case_id', '=', row.id).orderBy('created_at').execute(),
  ]);
  return presentDetail(row, { events, obligations, attachments, asOf });
}

async function obligationsWithNames(ctx: AppContext, subjectType: string, subjectId: string) {
  const rows = await obligationsOf(ctx.db, subjectType, subjectId);
  const ids = [...new Set(rows.map((r) => r.escalated_to).filter((x): x is string => Boolean(x)))];
  const names = ids.length ? await ctx.db.selectFrom('staff').select(['id', 'name']).where('id', 'in', ids).execute() : [];
  return rows.map((r) => ({
    ...r,
    escalated_name: names.find((n) => n.id === r.escalated_to)?.name ?? null,
    case_number: null as string | null,
  }));
}

/**
 * The estate's cases. Everyone working there may list (`case.read.own`); someone without
 * `case.read` (maintenance staff) gets only their own cases: the repairs they hold and the cases
 * assigned to them.
 */
export async function listCases(ctx: AppContext, opts: { actor: Actor; estateId: string; query: z.infer<typeof ListCasesQuery> }) {
  requireAbility(opts.actor, opts.estateId, 'case.read.own');
  return queryCases(ctx, opts);
}

async function queryCases(ctx: AppContext, opts: { actor: Actor; estateId: string; query: z.infer<typeof ListCasesQuery> }) {
  const q = opts.query;
  const asOf = q.asOf ? new Date(q.asOf) : ctx.clock.now();
  const asOfIso = asOf.toISOString();
  let base = store.casesQuery(ctx.db, opts.estateId);
  if (!can(opts.actor, opts.estateId, 'case.read')) {
    const me = opts.actor.id;
    base = base.where((eb) => eb.or([eb('cases.maintenance_id', '=', me), eb('cases.assignee_id', '=', me)]));
  }
  if (q.status === 'open') base = base.where('cases.status', '!=', 'closed');
  else if (q.status) base = base.where('cases.status', '=', q.status);
  if (q.kind) base = base.where('cases.kind', '=', q.kind);
  if (q.channel) base = base.where('cases.channel', '=', q.channel);
  if (q.assigneeId) base = base.where('cases.assignee_id', '=', q.assigneeId);
  if (q.departmentId) base = base.where('cases.department_id', '=', q.departmentId);
  if (q.unitId) base = base.where('cases.unit_id', '=', q.unitId);
  if (q.escalated === 'true') base = base.where('cases.escalated_to', 'is not', null).where('cases.status', '!=', 'closed');
  if (q.escalated === 'false') base = base.where('cases.escalated_to', 'is', null);
  if (q.overdue) {
    const overdueIds = ctx.db
      .selectFrom('obligations')
      .select('obligations.subject_id')
      .where('obligations.estate_id', '=', opts.estateId)
      .where('obligations.subject_type', '=', SUBJECT)
      .where('obligations.met_at', 'is', null)
      .where('obligations.cancelled_at', 'is', null)
      .where('obligations.due_at', '<', asOfIso);
    base = q.overdue === 'true' ? base.where('cases.id', 'in', overdueIds) : base.where('cases.id', 'not in', overdueIds);
  }
  if (q.q) base = store.whereMatches(base, q.q);
  const { n } = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const direction = q.sort.startsWith('-') ? 'desc' : 'asc';
  const column = { recordedAt: 'cases.recorded_at', occurredAt: 'cases.occurred_at', replyDueAt: 'cases.occurred_at' }[
    q.sort.replace('-', '') as 'recordedAt'
  ] as 'cases.recorded_at';
  const rows = await base
    .select(store.caseColumns)
    .orderBy(column, direction)
    .orderBy('cases.id', direction)
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();
  const obligations = rows.length
    ? await ctx.db
        .selectFrom('obligations')
        .selectAll()
        .where('subject_type', '=', SUBJECT)
        .where(
          'subject_id',
          'in',
          rows.map((r) => r.id),
        )
        .execute()
    : [];
  const items = rows.map((r) =>
    presentCase(
      r,
      obligations.filter((o) => o.subject_id === r.id),
      asOf,
    ),
  );
  if (q.sort === 'replyDueAt') items.sort((a, b) => (a.replyDueAt ?? '9999').localeCompare(b.replyDueAt ?? '9999'));
  return { items, total: Number(n), page: q.page, pageSize: q.pageSize };
}

export async function searchCases(
  ctx: AppContext,
  opts: { actor: Actor; estateId: string; q: string; page: number; pageSize: number; asOf?: string | undefined },
) {
  requireAbility(opts.actor, opts.estateId, 'case.read.own');
  if (!opts.q.trim()) return { items: [], total: 0, page: opts.page, pageSize: opts.pageSize };
  return queryCases(ctx, {
    actor: opts.actor,
    estateId: opts.estateId,
    query: { q: opts.q, page: opts.page, pageSize: opts.pageSize, sort: '-recordedAt', asOf: opts.asOf },
  });
}

// ------------------------------------------------------------------ assignment (R-CP-2, R-PH-4)

export async function suggestAssignees(ctx: AppContext, opts: { actor: Actor; caseId: string }) {
  const row = await caseFor(ctx.db, opts.actor, opts.caseId, 'case.assign');
  const departments = await ctx.db.selectFrom('departments').selectAll().where('estate_id', '=', row.estate_id).execute();
  const ranked = departmentsFor(
    row.kind as CaseKind,
    row.repair_class,
    departments.map((d) => ({
      ...d,
      caseKinds: JSON.parse(d.case_kinds) as string[],
      repairClasses: JSON.parse(d.repair_classes) as string[],
    })),
  );
  const ids = ranked.map((d) => d.id);
  const staff = ids.length
    ? await ctx.db
        .selectFrom('staff_estates')
        .innerJoin('staff', 'staff.id', 'staff_estates.staff_id')
        .leftJoin('presence', 'presence.staff_id', 'staff.id')
        .select((eb) => [
          'staff.id',
          'staff.name',
          'staff_estates.department_id',
          'presence.state',
          eb
            .selectFrom('cases')
            .select(eb.fn.countAll<number>().as('c'))
            .whereRef('cases.assignee_id', '=', 'staff.id')
            .where('cases.status', '!=', 'closed')
            .as('open_cases'),
        ])
        .where('staff_estates.estate_id', '=', row.estate_id)
        .where('staff_estates.department_id', 'in', ids)
        .where('staff.disabled_at', 'is', null)
        .execute()
    : [];
  // Present people first, then the least loaded, within the best-matching department.
  const rank = (s: (typeof staff)[number]) => [
    ids.indexOf(s.department_id ?? ''),
    s.state === 'in_office' ? 0 : 1,
    Number(s.open_cases ?? 0),
  ];
  staff.sort((a, b) => {
    const [x, y] = [rank(a), rank(b)];
    for (let i = 0; i < x.length; i++) if ((x[i] as number) !== (y[i] as number)) return (x[i] as number) - (y[i] as number);
    return a.name.localeCompare(b.name);
  });
  return {
    departments: ranked.map((d) => ({ id: d.id, name: d.name, code: d.code })),
    staff: staff.map((s) => ({
      id: s.id,
      name: s.name,
      departmentId: s.department_id,
      presence: s.state ?? 'off_duty',
      openCases: Number(s.open_cases ?? 0),
    })),
  };
}

export async function assignCase(ctx: AppContext, opts: { actor: Actor; caseId: string; body: z.infer<typeof AssignCaseBody> }) {
  const b = opts.body;
  return onCase(ctx, opts.actor, opts.caseId, 'case.assign', async (trx, row, at) => {
    if (row.status === 'closed') throw caseError('case.closed', 'the case is closed; reopen it first');
    let departmentId = b.departmentId === undefined ? row.department_id : b.departmentId;
    if (b.departmentId) {
      const d = await trx
        .selectFrom('departments')
        .select('id')
        .where('id', '=', b.departmentId)
        .where('estate_id', '=', row.estate_id)
        .executeTakeFirst();
      if (!d) throw unknownReference('departmentId');
    }
    let assigneeId = b.assigneeId === undefined ? row.assignee_id : b.assigneeId;
    if (b.assigneeId) {
      const person = await store.staffInEstate(trx, row.estate_id, b.assigneeId);
      if (!person) throw unknownReference('assigneeId');
      departmentId = b.departmentId === undefined ? (person.department_id ?? departmentId) : departmentId;
    }
    if (b.assigneeId === null) assigneeId = null;
    const status = assigneeId && row.status === 'new' ? 'assigned' : row.status;
    await trx.updateTable('cases').set({ department_id: departmentId, assignee_id: assigneeId, status }).where('id', '=', row.id).execute();
    await reassignObligations(trx, { subjectType: SUBJECT, subjectId: row.id, ownerId: assigneeId, departmentId });
    await store.addEvent(trx, {
      estateId: row.estate_id,
      caseId: row.id,
      type: 'assigned',
      at,
      actorId: opts.actor.id,
      text: b.note ?? null,
      data: { departmentId, assigneeId },
    });
    await logCase(
      trx,
      opts.actor,
      at,
      row,
      'assigned',
      { department_id: row.department_id, assignee_id: row.assignee_id },
      { department_id: departmentId, assignee_id: assigneeId },
    );
    if (assigneeId && assigneeId !== row.assignee_id) {
      return notifyStaff(trx, ctx, {
        estateId: row.estate_id,
        staffIds: [assigneeId],
        kind: 'case.assigned',
        caseId: row.id,
        caseNumber: row.number,
        at,
        text: row.description,
      });
    }
    return [];
  });
}

// ------------------------------------------------------------------ replies and notes (R-CP-1)

export async function replyToCase(ctx: AppContext, opts: { actor: Actor; caseId: string; body: z.infer<typeof ReplyBody> }) {
  const b = opts.body;
  return onCase(ctx, opts.actor, opts.caseId, 'case.reply', async (trx, row, at) => {
    const now = ctx.clock.now();
    const repliedAt = whenItHappened(b.repliedAt, now, { field: 'repliedAt' });
    if (new Date(repliedAt) < new Date(row.occurred_at)) {
      throw new AppError('validation.failed', 'repliedAt: cannot be before the case happened', {
        issues: [{ path: 'body.repliedAt', message: 'before occurredAt' }],
      });
    }
    const replyId = await store.addEvent(trx, {
      estateId: row.estate_id,
      caseId: row.id,
      type: 'reply',
      at: repliedAt,
      actorId: opts.actor.id,
      text: b.content,
      data: { method: b.method, recordedAt: at },
    });
    await store.indexText(trx, row.estate_id, row.id, b.content);
    if (b.method === 'written') await mailReplyToResident(trx, row, replyId, b.content, at);
    // The first reply to the resident meets R-CP-1; a later one changes no deadline.
    if (!row.first_reply_at || new Date(repliedAt) < new Date(row.first_reply_at)) {
      await trx.updateTable('cases').set({ first_reply_at: repliedAt }).where('id', '=', row.id).execute();
    }
    await meetObligations(trx, { subjectType: SUBJECT, subjectId: row.id, rule: REPLY_RULE, metAt: repliedAt, metBy: opts.actor.id });
    if (row.status === 'new' || row.status === 'assigned')
      await trx.updateTable('cases').set({ status: 'in_progress' }).where('id', '=', row.id).execute();
    await logCase(trx, opts.actor, at, row, 'replied', null, { method: b.method, content: b.content, repliedAt });
    return [];
  });
}

/**
 * A written reply goes to the resident's email when they have one: queued in the outbox in the
 * reply's transaction, keyed by the reply, so it is sent once and never lost.
 */
async function mailReplyToResident(trx: Trx, row: store.CaseJoinRow, replyId: string, content: string, at: string) {
  if (!row.resident_id) return;
  const resident = await trx.selectFrom('residents').select('email').where('id', '=', row.resident_id).executeTakeFirst();
  if (!resident?.email) return;
  const estate = await trx.selectFrom('estates').select('office_name').where('id', '=', row.estate_id).executeTakeFirstOrThrow();
  await enqueue(trx, {
    estateId: row.estate_id,
    eventKey: `case.reply:${replyId}`,
    channel: 'email',
    recipient: resident.email,
    subject: `${estate.office_name}管理處回覆 (${row.number})`,
    body: `${row.resident_name ?? ''}您好:\n\n${content}\n\n${estate.office_name}管理處\n個案編號 ${row.number}`,
    at,
  });
}

export async function addNote(ctx: AppContext, opts: { actor: Actor; caseId: string; body: z.infer<typeof NoteBody> }) {
  return onCase(ctx, opts.actor, opts.caseId, 'case.note', async (trx, row, at) => {
    await store.addEvent(trx, {
      estateId: row.estate_id,
      caseId: row.id,
      type: 'note',
      at,
      actorId: opts.actor.id,
      text: opts.body.content,
    });
    await store.indexText(trx, row.estate_id, row.id, opts.body.content);
    await logCase(trx, opts.actor, at, row, 'noted', null, { content: opts.body.content });
    return [];
  });
}

// ------------------------------------------------------------------ forwarding and escalation (R-CP-2)

export async function forwardCase(ctx: AppContext, opts: { actor: Actor; caseId: string; body: z.infer<typeof ForwardBody> }) {
  const b = opts.body;
  return onCase(ctx, opts.actor, opts.caseId, 'case.forward', async (trx, row, at) => {
    if (row.status === 'closed') throw caseError('case.closed', 'the case is closed; reopen it first');
    const target = await trx
      .selectFrom('departments')
      .select(['id', 'name'])
      .where('id', '=', b.departmentId)
      .where('estate_id', '=', row.estate_id)
      .executeTakeFirst();
    if (!target) throw unknownReference('departmentId');
    const problem = forwardProblem(row.department_id, b.departmentId, b.reason);
    if (problem) throw caseError('case.forward_invalid', `R-CP-2: ${problem}`, { field: problem.split(':')[0] });
    await trx
      .updateTable('cases')
      .set({
        department_id: target.id,
        assignee_id: null,
        status: row.status === 'resolved' ? 'in_progress' : row.status === 'new' ? 'new' : 'assigned',
      })
      .where('id', '=', row.id)
      .execute();
    await reassignObligations(trx, { subjectType: SUBJECT, subjectId: row.id, ownerId: null, departmentId: target.id });
    await store.addEvent(trx, {
      estateId: row.estate_id,
      caseId: row.id,
      type: 'forwarded',
      at,
      actorId: opts.actor.id,
      text: b.reason,
      data: { from: row.department_id, to: target.id, toName: target.name },
    });
    await logCase(
      trx,
      opts.actor,
      at,
      row,
      'forwarded',
      { department_id: row.department_id },
      { department_id: target.id, reason: b.reason },
    );
    return [];
  });
}

/** Escalates a case to the estate's manager(s); used by R-CP-2 (policy matter), R-CP-3 and R-CP-4. */
async function escalateToManager(
  trx: Trx,
  ctx: AppContext,
  row: { id: string; estate_id: string; number: string; description: string; escalated_to: string | null },
  at: string,
  actor: Actor | null,
  reason: string,
  rule: string,
) {
  const managers = await store.managersOf(trx, row.estate_id);
  const target = managers[0]?.id ?? null;
  await trx
    .updateTable('cases')
    .set({ escalated_to: row.escalated_to ?? target })
    .where('id', '=', row.id)
    .execute();
  await store.addEvent(trx, {
    estateId: row.estate_id,
    caseId: row.id,
    type: 'escalated',
    at,
    actorId: actor?.id ?? null,
    text: reason,
    data: { rule, to: target },
  });
  await logCase(
    trx,
    actor,
    at,
    row,
    'escalated',
    { escalated_to: row.escalated_to },
    { escalated_to: row.escalated_to ?? target, rule, reason },
  );
  if (!managers.length) return [];
  return notifyStaff(trx, ctx, {
    estateId: row.estate_id,
    staffIds: managers.map((m) => m.id),
    kind: 'case.escalated',
    caseId: row.id,
    caseNumber: row.number,
    at,
    text: reason,
    dedupeKey: `${rule}:${at}`,
  });
}

export async function escalateCase(ctx: AppContext, opts: { actor: Actor; caseId: string; body: z.infer<typeof EscalateBody> }) {
  return onCase(ctx, opts.actor, opts.caseId, 'case.escalate', async (trx, row, at) => {
    if (row.status === 'closed') throw caseError('case.closed', 'the case is closed; reopen it first');
    return escalateToManager(trx, ctx, row, at, opts.actor, opts.body.reason, 'R-CP-2');
  });
}

// ------------------------------------------------------------------ satisfaction and closing (R-CP-3)

export async function recordSatisfaction(ctx: AppContext, opts: { actor: Actor; caseId: string; body: z.infer<typeof SatisfactionBody> }) {
  const b = opts.body;
  return onCase(ctx, opts.actor, opts.caseId, 'case.satisfaction', async (trx, row, at) => {
    if (row.status === 'closed') throw caseError('case.closed', 'the case is closed; reopen it first');
    const result = b.result ?? row.result;
    await trx.updateTable('cases').set({ satisfaction: b.satisfaction, result }).where('id', '=', row.id).execute();
    await store.addEvent(trx, {
      estateId: row.estate_id,
      caseId: row.id,
      type: 'satisfaction',
      at,
      actorId: opts.actor.id,
      text: b.note ?? null,
      data: { satisfaction: b.satisfaction, result },
    });
    if (b.note) await store.indexText(trx, row.estate_id, row.id, b.note);
    await logCase(
      trx,
      opts.actor,
      at,
      row,
      'satisfaction',
      { satisfaction: row.satisfaction, result: row.result },
      { satisfaction: b.satisfaction, result, note: b.note ?? null },
    );
    if (satisfactionEscalates(row.kind as CaseKind, b.satisfaction)) {
      if (row.status === 'resolved') await trx.updateTable('cases').set({ status: 'in_progress' }).where('id', '=', row.id).execute();
      return escalateToManager(trx, ctx, row, at, opts.actor, b.note ?? 'R-CP-3: the resident is not satisfied', 'R-CP-3');
    }
    return [];
  });
}

export async function resolveCase(ctx: AppContext, opts: { actor: Actor; caseId: string; body: z.infer<typeof ResolveBody> }) {
  return onCase(ctx, opts.actor, opts.caseId, 'case.resolve', async (trx, row, at) => {
    if (row.status === 'closed') throw caseError('case.closed', 'the case is closed; reopen it first');
    await trx.updateTable('cases').set({ status: 'resolved', result: opts.body.result }).where('id', '=', row.id).execute();
    await store.addEvent(trx, {
      estateId: row.estate_id,
      caseId: row.id,
      type: 'resolved',
      at,
      actorId: opts.actor.id,
      text: opts.body.result,
    });
    await store.indexText(trx, row.estate_id, row.id, opts.body.result);
    await logCase(
      trx,
      opts.actor,
      at,
      row,
      'resolved',
      { status: row.status, result: row.result },
      { status: 'resolved', result: opts.body.result },
    );
    return [];
  });
}

export async function closeCase(ctx: AppContext, opts: { actor: Actor; caseId: string; body: z.infer<typeof CloseBody> }) {
  const b = opts.body;
  return onCase(ctx, opts.actor, opts.caseId, 'case.close', async (trx, row, at) => {
    if (row.status === 'closed') throw caseError('case.closed', 'the case is already closed');
    const result = b.result ?? row.result;
    const mayCloseUnsatisfied = can(opts.actor, row.estate_id, 'case.close.unsatisfied');
    const decision = closeDecision(
      { kind: row.kind as CaseKind, result, satisfaction: row.satisfaction as 'satisfied' | null },
      { mayCloseUnsatisfied },
      { reason: b.reason },
    );
    // A reason asks to close without the resident's satisfaction: that is the managers' to do (403),
    // where without one the desk is only told what the complaint still lacks (422).
    if (!decision.ok && decision.code === 'case.close_needs_satisfaction' && b.reason && !mayCloseUnsatisfied)
      throw forbidden('case.close.unsatisfied', roleIn(opts.actor, row.estate_id));
    if (!decision.ok)
      throw caseError(decision.code, decision.message, {
        field:
          decision.code === 'case.close_needs_reason' ? 'reason' : decision.code === 'case.close_needs_result' ? 'result' : 'satisfaction',
      });
    await trx
      .updateTable('cases')
      .set({ status: 'closed', result, closed_at: at, closed_by: opts.actor.id, close_reason: b.reason ?? null })
      .where('id', '=', row.id)
      .execute();
    // A closed case owes nothing more; what was never met stays on record as cancelled.
    await cancelObligations(trx, { subjectType: SUBJECT, subjectId: row.id, at });
    await store.addEvent(trx, {
      estateId: row.estate_id,
      caseId: row.id,
      type: 'closed',
      at,
      actorId: opts.actor.id,
      text: b.reason ?? result ?? null,
      data: { withoutSatisfaction: decision.withoutSatisfaction },
    });
    await logCase(
      trx,
      opts.actor,
      at,
      row,
      'closed',
      { status: row.status },
      { status: 'closed', result, reason: b.reason ?? null, withoutSatisfaction: decision.withoutSatisfaction },
    );
    return [];
  });
}

export async function reopenCase(ctx: AppContext, opts: { actor: Actor; caseId: string; body: z.infer<typeof ReopenBody> }) {
  return onCase(ctx, opts.actor, opts.caseId, 'case.reopen', async (trx, row, at) => {
    if (row.status !== 'closed' && row.status !== 'resolved')
      throw caseError('case.not_closed', 'only a resolved or closed case can be reopened');
    const status = row.assignee_id ? 'assigned' : 'new';
    await trx
      .updateTable('cases')
      .set({ status, closed_at: null, closed_by: null, close_reason: null, satisfaction: null })
      .where('id', '=', row.id)
      .execute();
    await store.addEvent(trx, {
      estateId: row.estate_id,
      caseId: row.id,
      type: 'reopened',
      at,
      actorId: opts.actor.id,
      text: opts.body.reason,
    });
    await logCase(
      trx,
      opts.actor,
      at,
      row,
      'reopened',
      { status: row.status, satisfaction: row.satisfaction },
      { status, reason: opts.body.reason },
    );
    return [];
  });
}

// ------------------------------------------------------------------ repair work orders

function requireRepair(row: store.CaseJoinRow) {
  if (row.kind !== 'repair') throw caseError('case.not_a_repair', 'only repair cases have work orders');
  if (row.status === 'closed') throw caseError('case.closed', 'the case is closed; reopen it first');
}

export async function startRepair(ctx: AppContext, opts: { actor: Actor; caseId: string; body: z.infer<typeof StartRepairBody> }) {
  const b = opts.body;
  return onCase(ctx, opts.actor, opts.caseId, 'repair.work', async (trx, row, at) => {
    requireRepair(row);
    const now = ctx.clock.now();
    const startedAt = whenItHappened(b.startedAt, now, { field: 'startedAt' });
    let maintenanceId = row.maintenance_id ?? (roleIn(opts.actor, row.estate_id) === 'maintenance' ? opts.actor.id : null);
    // Handing the repair to someone else is assigning it: a worker on their own case takes it on themselves.
    const handedOn = b.maintenanceStaffId && b.maintenanceStaffId !== opts.actor.id && b.maintenanceStaffId !== row.maintenance_id;
    if (handedOn && !can(opts.actor, row.estate_id, 'case.assign')) throw forbidden('case.assign', roleIn(opts.actor, row.estate_id));
    if (b.maintenanceStaffId) {
      const person = await store.staffInEstate(trx, row.estate_id, b.maintenanceStaffId);
      if (!person) throw unknownReference('maintenanceStaffId');
      maintenanceId = person.id;
    }
    await trx
      .updateTable('cases')
      .set({ status: 'in_progress', maintenance_id: maintenanceId, repair_started_at: row.repair_started_at ?? startedAt })
      .where('id', '=', row.id)
      .execute();
    await store.addEvent(trx, {
      estateId: row.estate_id,
      caseId: row.id,
      type: 'repair_started',
      at: startedAt,
      actorId: opts.actor.id,
      data: { maintenanceId },
    });
    await logCase(
      trx,
      opts.actor,
      at,
      row,
      'repair.started',
      { maintenance_id: row.maintenance_id },
      { maintenance_id: maintenanceId, startedAt },
    );
    if (maintenanceId && maintenanceId !== row.maintenance_id && maintenanceId !== opts.actor.id) {
      return notifyStaff(trx, ctx, {
        estateId: row.estate_id,
        staffIds: [maintenanceId],
        kind: 'case.assigned',
        caseId: row.id,
        caseNumber: row.number,
        at,
        text: row.description,
      });
    }
    return [];
  });
}

export async function recordRepairWork(ctx: AppContext, opts: { actor: Actor; caseId: string; body: z.infer<typeof RepairWorkBody> }) {
  return onCase(ctx, opts.actor, opts.caseId, 'repair.work', async (trx, row, at) => {
    requireRepair(row);
    await store.addEvent(trx, {
      estateId: row.estate_id,
      caseId: row.id,
      type: 'repair_work',
      at,
      actorId: opts.actor.id,
      text: opts.body.workDone,
      data: { materials: opts.body.materials ?? null },
    });
    await store.indexText(trx, row.estate_id, row.id, `${opts.body.workDone} ${opts.body.materials ?? ''}`);
    await logCase(trx, opts.actor, at, row, 'repair.work', null, opts.body);
    return [];
  });
}

/**
 * Completing a repair emits `repairCompleted` (class and completion time) inside the same
 * transaction: the follow-up capability schedules its visits from it (R-FU-1, R-FU-2).
 */
export async function completeRepair(ctx: AppContext, opts: { actor: Actor; caseId: string; body: z.infer<typeof CompleteRepairBody> }) {
  const b = opts.body;
  return onCase(ctx, opts.actor, opts.caseId, 'repair.work', async (trx, row, at) => {
    requireRepair(row);
    if (row.repair_completed_at) throw caseError('case.repair_completed', 'the repair is already completed');
    const now = ctx.clock.now();
    const completedAt = whenItHappened(b.completedAt, now, { field: 'completedAt' });
    if (new Date(completedAt) < new Date(row.occurred_at)) {
      throw new AppError('validation.failed', 'completedAt: cannot be before the case happened', {
        issues: [{ path: 'body.completedAt', message: 'before occurredAt' }],
      });
    }
    await trx
      .updateTable('cases')
      .set({
        status: 'resolved',
        repair_completed_at: completedAt,
        repair_started_at: row.repair_started_at ?? completedAt,
        result: row.result ?? b.workDone ?? null,
      })
      .where('id', '=', row.id)
      .execute();
    await store.addEvent(trx, {
      estateId: row.estate_id,
      caseId: row.id,
      type: 'repair_completed',
      at: completedAt,
      actorId: opts.actor.id,
      text: b.workDone ?? null,
      data: { materials: b.materials ?? null },
    });
    if (b.workDone) await store.indexText(trx, row.estate_id, row.id, b.workDone);
    await logCase(
      trx,
      opts.actor,
      at,
      row,
      'repair.completed',
      { status: row.status },
      { status: 'resolved', completedAt, workDone: b.workDone ?? null, materials: b.materials ?? null },
    );
    await emit(trx, ctx, 'repairCompleted', {
      estateId: row.estate_id,
      caseId: row.id,
      repairClass: (row.repair_class ?? 'other') as 'safety' | 'leak' | 'other',
      completedAt,
      actorId: opts.actor.id,
    });
    return [];
  });
}

// ------------------------------------------------------------------ the case's timeline, for other capabilities

/**
 * Puts what another capability did about a case on its timeline (a follow-up, a rectification
 * notice), inside that capability's transaction; the words are indexed for search.
 */
export async function recordOnCase(
  trx: Trx,
  e: {
    estateId: string;
    caseId: string;
    type: 'follow_up_scheduled' | 'follow_up' | 'rectification_notice';
    at: string;
    actorId: string | null;
    text?: string | null;
    data?: Record<string, unknown>;
  },
): Promise<LiveEvent> {
  await store.addEvent(trx, e);
  if (e.text) await store.indexText(trx, e.estateId, e.caseId, e.text);
  return changed(e.estateId, e.caseId);
}

// ------------------------------------------------------------------ obligations (queues)

export async function listObligations(
  ctx: AppContext,
  opts: { actor: Actor; estateId: string; query: z.infer<typeof ListObligationsQuery> },
) {
  requireAbility(opts.actor, opts.estateId, 'obligation.read');
  const q = opts.query;
  const asOf = q.asOf ? new Date(q.asOf) : ctx.clock.now();
  const departments = await ctx.db
    .selectFrom('staff_estates')
    .select('department_id')
    .where('staff_id', '=', opts.actor.id)
    .where('estate_id', '=', opts.estateId)
    .execute();
  const base = queueQuery(ctx.db, {
    estateId: opts.estateId,
    queue: q.queue,
    asOf: asOf.toISOString(),
    withinHours: q.withinHours,
    staffId: opts.actor.id,
    departmentIds: departments.map((d) => d.department_id).filter((d): d is string => Boolean(d)),
    rule: q.rule,
  });
  const { n } = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await base
    .leftJoin('staff', 'staff.id', 'obligations.escalated_to')
    .leftJoin('cases', (j) => j.onRef('cases.id', '=', 'obligations.subject_id').on('obligations.subject_type', '=', SUBJECT))
    .selectAll('obligations')
    .select(['staff.name as escalated_name', 'cases.number as case_number'])
    .orderBy('obligations.due_at')
    .orderBy('obligations.id')
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();
  return { items: rows.map((r) => presentObligation(r, asOf, q.withinHours)), total: Number(n), page: q.page, pageSize: q.pageSize };
}

/** R-CP-4: when a reply obligation is breached, the case escalates to the manager. */
export async function escalateOverdueReply(
  trx: Trx,
  ctx: AppContext,
  obligation: { subject_id: string; id: string; due_at: string },
  at: string,
): Promise<LiveEvent[]> {
  const row = await store.findCase(trx, obligation.subject_id);
  if (!row) return [];
  const managers = await store.managersOf(trx, row.estate_id);
  await trx
    .updateTable('obligations')
    .set({ escalated_to: managers[0]?.id ?? null, escalated_at: at })
    .where('id', '=', obligation.id)
    .execute();
  const events = await escalateToManager(trx, ctx, row, at, null, `R-CP-4: no reply to the resident by ${obligation.due_at}`, 'R-CP-4');
  return [changed(row.estate_id, row.id), ...events];
}

// ------------------------------------------------------------------ saved views

/** Saved views are each person's own: nobody lists, or deletes, anyone else's. */
export async function listSavedViews(ctx: AppContext, opts: { actor: Actor; estateId: string }) {
  requireAbility(opts.actor, opts.estateId, 'view.manage');
  const rows = await ctx.db
    .selectFrom('saved_views')
    .selectAll()
    .where('staff_id', '=', opts.actor.id)
    .where('estate_id', '=', opts.estateId)
    .orderBy('name')
    .execute();
  return {
    items: rows.map((r) => ({ id: r.id, name: r.name, query: JSON.parse(r.query) as Record<string, string>, createdAt: r.created_at })),
  };
}

export async function createSavedView(
  ctx: AppContext,
  opts: { actor: Actor; estateId: string; body: z.infer<typeof CreateSavedViewBody> },
) {
  requireAbility(opts.actor, opts.estateId, 'view.manage');
  const row = {
    id: newId(),
    estate_id: opts.estateId,
    staff_id: opts.actor.id,
    name: opts.body.name,
    query: JSON.stringify(opts.body.query),
    created_at: ctx.clock.now().toISOString(),
  };
  await ctx.db.insertInto('saved_views').values(row).execute();
  return { id: row.id, name: row.name, query: opts.body.query, createdAt: row.created_at };
}

/**
 * Deleting concerns only the person's own view (`self`, like their notices): anyone else's, or
 * one of an estate they no longer work for, answers 404 like a missing one.
 */
export async function deleteSavedView(ctx: AppContext, opts: { actor: Actor; viewId: string }) {
  const view = await ctx.db
    .selectFrom('saved_views')
    .select('estate_id')
    .where('id', '=', opts.viewId)
    .where('staff_id', '=', opts.actor.id)
    .executeTakeFirst();
  if (!view || !seesEstate(opts.actor, view.estate_id)) throw notFound('saved view');
  const result = await ctx.db
    .deleteFrom('saved_views')
    .where('id', '=', opts.viewId)
    .where('staff_id', '=', opts.actor.id)
    .executeTakeFirst();
  if (Number(result.numDeletedRows) !== 1) throw notFound('saved view');
}

export type { CaseSummary, Obligation };
export { metOnTime, obligationState };
