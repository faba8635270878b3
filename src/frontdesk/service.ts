import { type Kysely, sql, type Transaction } from 'kysely';
import { DateTime } from 'luxon';
import type { z } from 'zod';
import { type Actor, can, requireAbility } from '../auth/policy.js';
import { listCases } from '../cases/service.js';
import type { EstatePolicy } from '../contract/directory.js';
import type {
  AcknowledgeVisitorBody,
  CompleteCallbackBody,
  DepartureBody,
  GreetingQuery,
  HandOnMessageBody,
  ListCallsQuery,
  ListMessagesQuery,
  ListVisitsQuery,
  LogCallBody,
  Message,
  PageStaffBody,
  ReceiveVisitorBody,
  RecordArrivalBody,
  SuggestReceiverQuery,
  TakeMessageBody,
  UpdateDeskScriptBody,
  Visit,
} from '../contract/frontdesk.js';
import { estateSettings, presentJoinedUnit } from '../directory/service.js';
import { notifyStaff } from '../notices/service.js';
import type { AppContext } from '../platform/context.js';
import type { Database } from '../platform/db/schema.js';
import { AppError, notFound, type RuleCode, unknownReference } from '../platform/errors.js';
import { recordChange } from '../platform/history.js';
import { newId } from '../platform/ids.js';
import type { LiveEvent } from '../platform/live.js';
import {
  meetObligations,
  type ObligationRow,
  obligationState,
  openObligation,
  reassignObligations,
} from '../platform/obligations/index.js';
import { occurredAt, publishAll } from '../platform/occurred.js';
import {
  CALLBACK_RULE,
  callbackDueAt,
  type DeskStaff,
  greetingText,
  isAbsent,
  type Locale,
  PLAN_SCRIPTS,
  type PresenceState,
  type Seat,
  SITUATIONS,
  type Situation,
  suggestReceiver,
  timeOfDay,
  WAIT_RULE,
  waitLimitAt,
} from './rules.js';
import './tables.js';

type Trx = Transaction<Database>;
type Db = Kysely<Database> | Trx;
const MESSAGE = 'message';
const VISIT = 'visit';

function refuse(code: RuleCode, message: string, details: Record<string, unknown> = {}): AppError {
  return new AppError(code, message, details);
}

const occurred = (value: string | undefined, now: Date, notBefore?: { at: string | null; what: string }) =>
  occurredAt(value, now, notBefore ? { notBefore } : {});
const estateOf = estateSettings;
const unitOf = presentJoinedUnit;

async function log(trx: Trx, actor: Actor, estateId: string, at: string, entity: [string, string], action: string, after: unknown) {
  await recordChange(trx, { estateId, actorId: actor.id, at, entityType: entity[0], entityId: entity[1], action, before: null, after });
}

/** The estate's staff with their seat, presence, department duties and whether they serve a visitor now. */
async function deskStaff(db: Db, estateId: string) {
  const rows = await db
    .selectFrom('staff_estates')
    .innerJoin('staff', 'staff.id', 'staff_estates.staff_id')
    .leftJoin('presence', 'presence.staff_id', 'staff.id')
    .leftJoin('departments', 'departments.id', 'staff_estates.department_id')
    .select([
      'staff.id',
      'staff.name',
      'staff.surname',
      'staff_estates.role',
      'staff.locale',
      'staff_estates.counter_seat',
      'staff_estates.department_id',
      'departments.code as department_code',
      'departments.case_kinds',
      'presence.state',
      'presence.until',
      'presence.on_task',
    ])
    .where('staff_estates.estate_id', '=', estateId)
    .where('staff.disabled_at', 'is', null)
    .orderBy('staff.name')
    .execute();
  const serving = await db
    .selectFrom('visits')
    .select('received_by')
    .where('estate_id', '=', estateId)
    .where('status', '=', 'serving')
    .execute();
  const busy = new Set(serving.map((s) => s.received_by));
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    surname: r.surname,
    role: r.role,
    locale: r.locale as Locale,
    seat: (r.counter_seat ?? null) as Seat | null,
    state: (r.state ?? 'in_office') as PresenceState,
    until: r.until ?? null,
    onTask: Boolean(Number(r.on_task ?? 0)),
    serving: busy.has(r.id),
    departmentCode: r.department_code,
    caseKinds: r.case_kinds ? (JSON.parse(r.case_kinds) as string[]) : [],
  }));
}
type DeskPerson = Awaited<ReturnType<typeof deskStaff>>[number];

async function personIn(db: Db, estateId: string, staffId: string, field: string): Promise<DeskPerson> {
  const person = (await deskStaff(db, estateId)).find((s) => s.id === staffId);
  if (!person) throw unknownReference(field);
  return person;
}

// ------------------------------------------------------------------ greeting and scripts (R-PH-1, R-PH-2)

export async function getGreeting(ctx: AppContext, opts: { actor: Actor; estateId: string; query: z.infer<typeof GreetingQuery> }) {
  requireAbility(opts.actor, opts.estateId, 'desk.greet');
  const estate = await estateOf(ctx.db, opts.estateId);
  const person = await personIn(ctx.db, estate.id, opts.query.staffId ?? opts.actor.id, 'staffId');
  const at = opts.query.at ?? ctx.clock.now().toISOString();
  const locale = (opts.query.locale ?? person.locale ?? 'zh-Hant') as Locale;
  // The role the person holds in this estate: a receptionist here may be a manager elsewhere.
  const variant = person.departmentCode === 'front_desk' || person.role === 'receptionist' ? 'front_desk' : 'department';
  const tod = timeOfDay(at, estate.timeZone);
  return {
    rule: 'R-PH-1' as const,
    text: greetingText({ variant, officeName: estate.office_name, surname: person.surname, locale, timeOfDay: tod }),
    locale,
    timeOfDay: tod,
    variant: variant as 'front_desk' | 'department',
    officeName: estate.office_name,
    surname: person.surname,
  };
}

export async function listDeskScripts(ctx: AppContext, opts: { actor: Actor; estateId: string }) {
  requireAbility(opts.actor, opts.estateId, 'desk.script.read');
  return deskScripts(ctx.db, opts.estateId);
}

async function deskScripts(db: Db, estateId: string) {
  const own = await db.selectFrom('desk_scripts').selectAll().where('estate_id', '=', estateId).execute();
  const items = SITUATIONS.flatMap((situation) =>
    (['zh-Hant', 'zh-Hans', 'en'] as const).map((locale) => {
      const custom = own.find((o) => o.situation === situation && o.locale === locale);
      return { situation, locale, text: custom?.text ?? PLAN_SCRIPTS[situation][locale], custom: Boolean(custom) };
    }),
  );
  return { items };
}

export async function updateDeskScript(
  ctx: AppContext,
  opts: { actor: Actor; estateId: string; situation: Situation; body: z.infer<typeof UpdateDeskScriptBody> },
) {
  requireAbility(opts.actor, opts.estateId, 'desk.script.write');
  const at = ctx.clock.now().toISOString();
  const { locale, text } = opts.body;
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .deleteFrom('desk_scripts')
      .where('estate_id', '=', opts.estateId)
      .where('situation', '=', opts.situation)
      .where('locale', '=', locale)
      .execute();
    if (text) {
      await trx
        .insertInto('desk_scripts')
        .values({ estate_id: opts.estateId, situation: opts.situation, locale, text, updated_at: at, updated_by: opts.actor.id })
        .execute();
    }
    await log(trx, opts.actor, opts.estateId, at, ['desk_script', `${opts.situation}:${locale}`], 'updated', { text });
  });
  return deskScripts(ctx.db, opts.estateId);
}

// ------------------------------------------------------------------ callers and calls (R-PH-4)

const unitColumns = [
  'units.id as unit_id',
  'units.building_id',
  'buildings.name as building_name',
  'units.number as unit_number',
  'units.floor as unit_floor',
  'units.area_m2 as unit_area_m2',
] as const;

/** Who is calling: residents by phone (any part of it), unit or name, with their household and open cases. */
export async function lookupCaller(ctx: AppContext, opts: { actor: Actor; estateId: string; q: string }) {
  requireAbility(opts.actor, opts.estateId, 'caller.lookup');
  const q = opts.q.trim();
  if (!q) return { items: [] };
  const digits = q.replace(/\D/g, '');
  const like = `%${q.replace(/[%_\\]/g, '')}%`;
  const rows = await ctx.db
    .selectFrom('residents')
    .leftJoin('resident_units', 'resident_units.resident_id', 'residents.id')
    .leftJoin('units', 'units.id', 'resident_units.unit_id')
    .leftJoin('buildings', 'buildings.id', 'units.building_id')
    .select(['residents.id', 'residents.name', 'residents.phone', 'residents.kind', ...unitColumns])
    .where('residents.estate_id', '=', opts.estateId)
    .where((eb) =>
      eb.or([
        ...(digits.length >= 3
          ? [
              eb(sql`replace(replace(coalesce(residents.phone, ''), ' ', ''), '-', '')`, 'like', `%${digits}%`),
              eb(sql`replace(replace(coalesce(residents.phone_alt, ''), ' ', ''), '-', '')`, 'like', `%${digits}%`),
            ]
          : []),
        eb('residents.name', 'like', like),
        eb('units.number', '=', q),
        eb(sql`coalesce(buildings.name, '') || ' ' || coalesce(units.number, '')`, '=', q),
        eb(sql`coalesce(buildings.name, '') || coalesce(units.number, '')`, '=', q.replace(/\s+/g, '')),
      ]),
    )
    .orderBy('residents.name')
    .limit(10)
    .execute();
  const items = [];
  for (const r of rows) {
    const household = r.unit_id
      ? await ctx.db
          .selectFrom('resident_units')
          .innerJoin('residents', 'residents.id', 'resident_units.resident_id')
          .select(['residents.id', 'residents.name', 'residents.phone', 'residents.kind'])
          .where('resident_units.unit_id', '=', r.unit_id)
          .where('residents.id', '!=', r.id)
          .orderBy('residents.name')
          .execute()
      : [];
    const open = r.unit_id
      ? await listCases(ctx, {
          actor: opts.actor,
          estateId: opts.estateId,
          query: { unitId: r.unit_id, status: 'open', page: 1, pageSize: 10, sort: '-recordedAt' },
        })
      : { items: [] };
    items.push({ residentId: r.id, name: r.name, phone: r.phone, kind: r.kind, unit: unitOf(r), household, openCases: open.items });
  }
  return { items };
}

function callsQuery(db: Db, estateId: string) {
  return db
    .selectFrom('calls')
    .leftJoin('units', 'units.id', 'calls.unit_id')
    .leftJoin('buildings', 'buildings.id', 'units.building_id')
    .leftJoin('staff as asked', 'asked.id', 'calls.asked_for_id')
    .innerJoin('staff as answerer', 'answerer.id', 'calls.answered_by')
    .leftJoin('messages', 'messages.call_id', 'calls.id')
    .selectAll('calls')
    .select([...unitColumns, 'asked.name as asked_name', 'answerer.name as answerer_name', 'messages.id as message_id'])
    .where('calls.estate_id', '=', estateId);
}
type CallRow = Awaited<ReturnType<ReturnType<typeof callsQuery>['executeTakeFirstOrThrow']>>;

function presentCall(r: CallRow) {
  return {
    id: r.id,
    estateId: r.estate_id,
    startedAt: r.started_at,
    durationSeconds: r.duration_seconds === null ? null : Number(r.duration_seconds),
    callerName: r.caller_name,
    callerPhone: r.caller_phone,
    unit: unitOf(r),
    residentId: r.resident_id,
    purpose: r.purpose as 'inquiry',
    outcome: r.outcome as 'answered',
    askedFor: r.asked_for_id ? { id: r.asked_for_id, name: r.asked_name ?? '' } : null,
    answeredBy: { id: r.answered_by, name: r.answerer_name },
    note: r.note,
    caseId: r.case_id,
    messageId: r.message_id,
  };
}

async function checkRefs(
  db: Db,
  estateId: string,
  refs: { unitId?: string | undefined; residentId?: string | undefined; caseId?: string | undefined },
) {
  if (
    refs.unitId &&
    !(await db.selectFrom('units').select('id').where('id', '=', refs.unitId).where('estate_id', '=', estateId).executeTakeFirst())
  )
    throw unknownReference('unitId');
  if (
    refs.residentId &&
    !(await db.selectFrom('residents').select('id').where('id', '=', refs.residentId).where('estate_id', '=', estateId).executeTakeFirst())
  )
    throw unknownReference('residentId');
  if (
    refs.caseId &&
    !(await db.selectFrom('cases').select('id').where('id', '=', refs.caseId).where('estate_id', '=', estateId).executeTakeFirst())
  )
    throw unknownReference('caseId');
}

/** R-PH-4: every call is logged: caller, unit, purpose, outcome, who answered, how long. */
export async function logCall(ctx: AppContext, opts: { actor: Actor; estateId: string; body: z.infer<typeof LogCallBody> }) {
  requireAbility(opts.actor, opts.estateId, 'call.log');
  const b = opts.body;
  const now = ctx.clock.now();
  const id = newId();
  await ctx.db.transaction().execute(async (trx) => {
    await checkRefs(trx, opts.estateId, b);
    if (b.askedForId) await personIn(trx, opts.estateId, b.askedForId, 'askedForId');
    const row = {
      id,
      estate_id: opts.estateId,
      started_at: occurred(b.occurredAt, now),
      duration_seconds: b.durationSeconds ?? null,
      caller_name: b.callerName ?? null,
      caller_phone: b.callerPhone ?? null,
      unit_id: b.unitId ?? null,
      resident_id: b.residentId ?? null,
      purpose: b.purpose,
      outcome: b.outcome,
      asked_for_id: b.askedForId ?? null,
      answered_by: opts.actor.id,
      note: b.note ?? null,
      case_id: b.caseId ?? null,
      recorded_at: now.toISOString(),
    };
    await trx.insertInto('calls').values(row).execute();
    await log(trx, opts.actor, opts.estateId, row.recorded_at, ['call', id], 'logged', row);
  });
  await publishAll(ctx, [{ estateId: opts.estateId, type: 'frontdesk.call', subjectId: id }]);
  return presentCall(await callsQuery(ctx.db, opts.estateId).where('calls.id', '=', id).executeTakeFirstOrThrow());
}

export async function listCalls(ctx: AppContext, opts: { actor: Actor; estateId: string; query: z.infer<typeof ListCallsQuery> }) {
  requireAbility(opts.actor, opts.estateId, 'call.read');
  const q = opts.query;
  const estate = await estateOf(ctx.db, opts.estateId);
  let base = ctx.db.selectFrom('calls').where('calls.estate_id', '=', opts.estateId);
  if (q.date) {
    const day = DateTime.fromISO(q.date, { zone: estate.timeZone }).startOf('day');
    base = base
      .where('calls.started_at', '>=', day.toUTC().toISO() ?? '')
      .where('calls.started_at', '<', day.plus({ days: 1 }).toUTC().toISO() ?? '');
  }
  if (q.purpose) base = base.where('calls.purpose', '=', q.purpose);
  const { n } = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const ids = (
    await base
      .select('calls.id')
      .orderBy('calls.started_at', 'desc')
      .orderBy('calls.id')
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize)
      .execute()
  ).map((r) => r.id);
  const rows = ids.length
    ? await callsQuery(ctx.db, opts.estateId).where('calls.id', 'in', ids).orderBy('calls.started_at', 'desc').orderBy('calls.id').execute()
    : [];
  return { items: rows.map(presentCall), total: Number(n), page: q.page, pageSize: q.pageSize };
}

// ------------------------------------------------------------------ messages and call-backs (R-PH-2, R-PH-3)

function messagesQuery(db: Db, estateId: string) {
  return db
    .selectFrom('messages')
    .leftJoin('units', 'units.id', 'messages.unit_id')
    .leftJoin('buildings', 'buildings.id', 'units.building_id')
    .innerJoin('staff as recipient', 'recipient.id', 'messages.for_id')
    .innerJoin('staff as taker', 'taker.id', 'messages.taken_by')
    .leftJoin('staff as caller_back', 'caller_back.id', 'messages.called_back_by')
    .leftJoin('staff as former', 'former.id', 'messages.handed_on_from')
    .selectAll('messages')
    .select([
      ...unitColumns,
      'recipient.name as for_name',
      'taker.name as taker_name',
      'caller_back.name as caller_back_name',
      'former.name as former_name',
    ])
    .where('messages.estate_id', '=', estateId);
}
type MessageRow = Awaited<ReturnType<ReturnType<typeof messagesQuery>['executeTakeFirstOrThrow']>>;

function presentMessage(r: MessageRow, asOf: Date): Message {
  return {
    id: r.id,
    estateId: r.estate_id,
    takenAt: r.taken_at,
    callerName: r.caller_name,
    callerPhone: r.caller_phone,
    unit: unitOf(r),
    text: r.text,
    for: { id: r.for_id, name: r.for_name },
    takenBy: { id: r.taken_by, name: r.taker_name },
    reason: r.reason as Message['reason'],
    fromUnansweredTransfer: Boolean(Number(r.from_transfer)),
    expectedBackAt: r.expected_back_at,
    callbackDueAt: r.callback_due_at,
    state: obligationState({ met_at: r.called_back_at, cancelled_at: null, due_at: r.callback_due_at }, asOf, 1),
    calledBackAt: r.called_back_at,
    calledBackBy: r.called_back_by ? { id: r.called_back_by, name: r.caller_back_name ?? '' } : null,
    callbackNote: r.callback_note,
    handedOnFrom: r.handed_on_from ? { id: r.handed_on_from, name: r.former_name ?? '' } : null,
  };
}

async function getMessage(db: Db, estateId: string, id: string, asOf: Date) {
  return presentMessage(await messagesQuery(db, estateId).where('messages.id', '=', id).executeTakeFirstOrThrow(), asOf);
}

/**
 * R-PH-2, R-PH-3: a message for a colleague opens their call-back: 20 minutes for a promise,
 * 30 minutes after they are back when away, 09:00 next morning when nobody knows when.
 */
export async function takeMessage(ctx: AppContext, opts: { actor: Actor; estateId: string; body: z.infer<typeof TakeMessageBody> }) {
  requireAbility(opts.actor, opts.estateId, 'message.take');
  const b = opts.body;
  const now = ctx.clock.now();
  const id = newId();
  const recipientId = await ctx.db.transaction().execute(async (trx) => {
    const estate = await estateOf(trx, opts.estateId);
    await checkRefs(trx, estate.id, { unitId: b.unitId });
    if (
      b.callId &&
      !(await trx.selectFrom('calls').select('id').where('id', '=', b.callId).where('estate_id', '=', estate.id).executeTakeFirst())
    )
      throw unknownReference('callId');
    const recipient = await personIn(trx, estate.id, b.forStaffId, 'forStaffId');
    const takenAt = occurred(b.occurredAt, now);
    const reason = b.reason ?? (isAbsent(recipient.state) ? 'absent' : 'promise');
    const expectedBackAt = b.expectedBackAt ?? (reason === 'absent' && recipient.state !== 'off_duty' ? recipient.until : null);
    const dueAt = callbackDueAt({ reason, takenAt, expectedBackAt, timeZone: estate.timeZone, policy: estate.policy });
    const row = {
      id,
      estate_id: estate.id,
      taken_at: takenAt,
      caller_name: b.callerName,
      caller_phone: b.callerPhone ?? null,
      unit_id: b.unitId ?? null,
      text: b.text,
      for_id: recipient.id,
      taken_by: opts.actor.id,
      reason,
      from_transfer: b.fromUnansweredTransfer ? 1 : 0,
      expected_back_at: expectedBackAt,
      callback_due_at: dueAt,
      called_back_at: null,
      called_back_by: null,
      callback_note: null,
      handed_on_from: null,
      call_id: b.callId ?? null,
    };
    await trx.insertInto('messages').values(row).execute();
    await openObligation(trx, {
      estateId: estate.id,
      rule: CALLBACK_RULE,
      subjectType: MESSAGE,
      subjectId: id,
      ownerId: recipient.id,
      openedAt: takenAt,
      dueAt,
      data: { callerName: b.callerName, reason },
    });
    await notifyStaff(trx, ctx, {
      estateId: estate.id,
      staffIds: recipient.id === opts.actor.id ? [] : [recipient.id],
      kind: 'message.taken',
      subjectType: MESSAGE,
      subjectId: id,
      at: now.toISOString(),
      data: { text: `${b.callerName}: ${b.text}`.slice(0, 200), dueAt },
    });
    await log(trx, opts.actor, estate.id, now.toISOString(), [MESSAGE, id], 'taken', row);
    return recipient.id;
  });
  await publishAll(ctx, [
    { estateId: opts.estateId, type: 'frontdesk.message', subjectId: id },
    { estateId: opts.estateId, type: 'notice.created', subjectId: id, staffIds: [recipientId] },
  ]);
  return getMessage(ctx.db, opts.estateId, id, now);
}

/**
 * A message to complete or hand on: its recipient always may (`message.read.own`); anyone else
 * needs `message.handle` in its estate. Another estate's message answers 404 like a missing one.
 */
async function handledMessage(db: Db, actor: Actor, messageId: string) {
  const row = await db.selectFrom('messages').selectAll().where('id', '=', messageId).executeTakeFirst();
  if (!row) throw notFound('message');
  requireAbility(actor, row.estate_id, row.for_id === actor.id ? 'message.read.own' : 'message.handle', 'message');
  return row;
}

/** R-PH-3: the call-back is made; the obligation is met at the time it happened. */
export async function completeCallback(
  ctx: AppContext,
  opts: { actor: Actor; messageId: string; body: z.infer<typeof CompleteCallbackBody> },
) {
  const now = ctx.clock.now();
  const row = await handledMessage(ctx.db, opts.actor, opts.messageId);
  if (row.called_back_at) throw refuse('frontdesk.already_called_back', 'the call-back is already done');
  const at = occurred(opts.body.occurredAt, now, { at: row.taken_at, what: 'the message was taken' });
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('messages')
      .set({ called_back_at: at, called_back_by: opts.actor.id, callback_note: opts.body.note ?? null })
      .where('id', '=', row.id)
      .execute();
    await meetObligations(trx, { subjectType: MESSAGE, subjectId: row.id, rule: CALLBACK_RULE, metAt: at, metBy: opts.actor.id });
    await log(trx, opts.actor, row.estate_id, now.toISOString(), [MESSAGE, row.id], 'called_back', { at, note: opts.body.note ?? null });
  });
  await publishAll(ctx, [{ estateId: row.estate_id, type: 'frontdesk.message', subjectId: row.id }]);
  return getMessage(ctx.db, row.estate_id, row.id, now);
}

/** Hands a call-back on to a colleague; the deadline stays and follows them. */
export async function handOnMessage(ctx: AppContext, opts: { actor: Actor; messageId: string; body: z.infer<typeof HandOnMessageBody> }) {
  const now = ctx.clock.now();
  const row = await handledMessage(ctx.db, opts.actor, opts.messageId);
  if (row.called_back_at) throw refuse('frontdesk.already_called_back', 'the call-back is already done');
  await ctx.db.transaction().execute(async (trx) => {
    const to = await personIn(trx, row.estate_id, opts.body.toStaffId, 'toStaffId');
    await trx.updateTable('messages').set({ for_id: to.id, handed_on_from: row.for_id }).where('id', '=', row.id).execute();
    await reassignObligations(trx, { subjectType: MESSAGE, subjectId: row.id, ownerId: to.id });
    await notifyStaff(trx, ctx, {
      estateId: row.estate_id,
      staffIds: [to.id],
      kind: 'message.taken',
      subjectType: MESSAGE,
      subjectId: row.id,
      at: now.toISOString(),
      data: { text: `${row.caller_name}: ${row.text}`.slice(0, 200), dueAt: row.callback_due_at, note: opts.body.note ?? null },
    });
    await log(trx, opts.actor, row.estate_id, now.toISOString(), [MESSAGE, row.id], 'handed_on', { from: row.for_id, to: to.id });
  });
  await publishAll(ctx, [
    { estateId: row.estate_id, type: 'frontdesk.message', subjectId: row.id },
    { estateId: row.estate_id, type: 'notice.created', subjectId: row.id, staffIds: [opts.body.toStaffId] },
  ]);
  return getMessage(ctx.db, row.estate_id, row.id, now);
}

/** The desk sees every message of the estate (`message.read`); everyone else the messages left for them. */
export async function listMessages(ctx: AppContext, opts: { actor: Actor; estateId: string; query: z.infer<typeof ListMessagesQuery> }) {
  requireAbility(opts.actor, opts.estateId, 'message.read.own');
  const q = opts.query;
  const asOf = q.asOf ? new Date(q.asOf) : ctx.clock.now();
  let base = ctx.db.selectFrom('messages').where('messages.estate_id', '=', opts.estateId);
  if (!can(opts.actor, opts.estateId, 'message.read')) base = base.where('messages.for_id', '=', opts.actor.id);
  if (q.for) base = base.where('messages.for_id', '=', q.for === 'me' ? opts.actor.id : q.for);
  if (q.status === 'open') base = base.where('messages.called_back_at', 'is', null);
  if (q.status === 'overdue')
    base = base.where('messages.called_back_at', 'is', null).where('messages.callback_due_at', '<', asOf.toISOString());
  if (q.status === 'done') base = base.where('messages.called_back_at', 'is not', null);
  const { n } = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const ids = (
    await base
      .select('messages.id')
      .orderBy(q.status === 'done' ? 'messages.called_back_at' : 'messages.callback_due_at', q.status === 'done' ? 'desc' : 'asc')
      .orderBy('messages.id')
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize)
      .execute()
  ).map((r) => r.id);
  const rows = ids.length ? await messagesQuery(ctx.db, opts.estateId).where('messages.id', 'in', ids).execute() : [];
  const ordered = ids.map((id) => rows.find((r) => r.id === id)).filter((r): r is MessageRow => Boolean(r));
  return { items: ordered.map((r) => presentMessage(r, asOf)), total: Number(n), page: q.page, pageSize: q.pageSize };
}

// ------------------------------------------------------------------ walk-in visits (R-WK-1..4)

async function suggestionFor(db: Db, estate: Awaited<ReturnType<typeof estateOf>>, query: z.infer<typeof SuggestReceiverQuery>) {
  const staff = await deskStaff(db, estate.id);
  if (query.askedForId && !staff.some((s) => s.id === query.askedForId)) throw unknownReference('askedForId');
  const desk: DeskStaff[] = staff.map((s) => ({
    id: s.id,
    name: s.name,
    seat: s.seat,
    state: s.state,
    onTask: s.onTask,
    serving: s.serving,
  }));
  const pick = suggestReceiver(desk, estate.policy.counterSeatOrder as Seat[], query.askedForId);
  // R-WK-3: the colleague whose duties cover the purpose (not the front desk itself when another department does).
  const kind = query.purpose && query.purpose !== 'other' ? query.purpose : null;
  const covering = kind ? staff.filter((s) => s.caseKinds.includes(kind)) : [];
  const owners = covering.some((s) => s.departmentCode !== 'front_desk')
    ? covering.filter((s) => s.departmentCode !== 'front_desk')
    : covering;
  const free = (s: DeskPerson) => s.state === 'in_office' && !s.serving;
  const routed = owners.find(free) ?? owners[0] ?? null;
  const waiting = await db
    .selectFrom('visits')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('estate_id', '=', estate.id)
    .where('status', '=', 'waiting')
    .executeTakeFirstOrThrow();
  return {
    rule: 'R-WK-2' as const,
    receiver: pick.receiver ? { id: pick.receiver.id, name: pick.receiver.name, seat: pick.receiver.seat } : null,
    reason: pick.reason,
    routedTo: routed ? { id: routed.id, name: routed.name, state: routed.state, until: routed.until, available: free(routed) } : null,
    sameDuty: routed ? owners.filter((s) => s.id !== routed.id && free(s)).map((s) => ({ id: s.id, name: s.name, state: s.state })) : [],
    options: routed && !free(routed) ? (['page', 'hand_over', 'take_contact'] as const).slice() : [],
    waiting: Number(waiting.n),
  };
}

export async function suggestReceiverFor(
  ctx: AppContext,
  opts: { actor: Actor; estateId: string; query: z.infer<typeof SuggestReceiverQuery> },
) {
  requireAbility(opts.actor, opts.estateId, 'visit.read');
  return suggestionFor(ctx.db, await estateOf(ctx.db, opts.estateId), opts.query);
}

function visitsQuery(db: Db, estateId: string) {
  return db
    .selectFrom('visits')
    .leftJoin('units', 'units.id', 'visits.unit_id')
    .leftJoin('buildings', 'buildings.id', 'units.building_id')
    .leftJoin('staff as asked', 'asked.id', 'visits.asked_for_id')
    .leftJoin('staff as routed', 'routed.id', 'visits.routed_to_id')
    .leftJoin('staff as receiver', 'receiver.id', 'visits.received_by')
    .selectAll('visits')
    .select([...unitColumns, 'asked.name as asked_name', 'routed.name as routed_name', 'receiver.name as receiver_name'])
    .where('visits.estate_id', '=', estateId);
}
type VisitRow = Awaited<ReturnType<ReturnType<typeof visitsQuery>['executeTakeFirstOrThrow']>>;

function presentVisit(r: VisitRow, policy: EstatePolicy, asOf: Date): Visit {
  const limit = waitLimitAt(r.arrived_at, policy);
  return {
    id: r.id,
    estateId: r.estate_id,
    status: r.status as Visit['status'],
    arrivedAt: r.arrived_at,
    visitorName: r.visitor_name,
    unit: unitOf(r),
    residentId: r.resident_id,
    purpose: r.purpose as Visit['purpose'],
    askedFor: r.asked_for_id ? { id: r.asked_for_id, name: r.asked_name ?? '' } : null,
    routedTo: r.routed_to_id ? { id: r.routed_to_id, name: r.routed_name ?? '' } : null,
    acknowledgedAt: r.acknowledged_at,
    receivedAt: r.received_at,
    receivedBy: r.received_by ? { id: r.received_by, name: r.receiver_name ?? '' } : null,
    departedAt: r.departed_at,
    outcome: r.outcome,
    caseId: r.case_id,
    waitLimitAt: limit,
    apologyDue: r.status === 'waiting' && new Date(limit) <= asOf,
    waitSeconds: r.received_at ? Math.round((Date.parse(r.received_at) - Date.parse(r.arrived_at)) / 1000) : null,
    suggestion: r.suggestion ? (JSON.parse(r.suggestion) as Visit['suggestion']) : null,
  };
}

async function getVisit(db: Db, estateId: string, id: string, asOf: Date) {
  const estate = await estateOf(db, estateId);
  return presentVisit(await visitsQuery(db, estateId).where('visits.id', '=', id).executeTakeFirstOrThrow(), estate.policy, asOf);
}

/** R-WK-1, R-WK-2: one action records the arrival and says who should rise; every visitor waits under R-WK-4 until received. */
export async function recordVisitArrival(
  ctx: AppContext,
  opts: { actor: Actor; estateId: string; body: z.infer<typeof RecordArrivalBody> },
) {
  requireAbility(opts.actor, opts.estateId, 'visit.record');
  const b = opts.body;
  const now = ctx.clock.now();
  const id = newId();
  await ctx.db.transaction().execute(async (trx) => {
    const estate = await estateOf(trx, opts.estateId);
    await checkRefs(trx, estate.id, b);
    const arrivedAt = occurred(b.occurredAt, now);
    const suggestion = await suggestionFor(trx, estate, { purpose: b.purpose, askedForId: b.askedForId });
    const row = {
      id,
      estate_id: estate.id,
      status: 'waiting',
      arrived_at: arrivedAt,
      visitor_name: b.visitorName ?? null,
      unit_id: b.unitId ?? null,
      resident_id: b.residentId ?? null,
      purpose: b.purpose,
      note: b.note ?? null,
      asked_for_id: b.askedForId ?? null,
      routed_to_id: b.askedForId ?? suggestion.routedTo?.id ?? null,
      suggestion: JSON.stringify(suggestion),
      acknowledged_at: null,
      received_at: null,
      received_by: null,
      departed_at: null,
      outcome: null,
      case_id: null,
      recorded_by: opts.actor.id,
    };
    await trx.insertInto('visits').values(row).execute();
    await openObligation(trx, {
      estateId: estate.id,
      rule: WAIT_RULE,
      subjectType: VISIT,
      subjectId: id,
      openedAt: arrivedAt,
      dueAt: waitLimitAt(arrivedAt, estate.policy),
      data: { purpose: b.purpose },
    });
    await log(trx, opts.actor, estate.id, now.toISOString(), [VISIT, id], 'arrived', row);
  });
  await publishAll(ctx, [{ estateId: opts.estateId, type: 'frontdesk.visit', subjectId: id }]);
  return getVisit(ctx.db, opts.estateId, id, now);
}

async function onVisit(
  ctx: AppContext,
  actor: Actor,
  visitId: string,
  fn: (trx: Trx, row: VisitRow, now: Date) => Promise<LiveEvent[] | undefined>,
) {
  const now = ctx.clock.now();
  const own = await ctx.db.selectFrom('visits').select('estate_id').where('id', '=', visitId).executeTakeFirst();
  if (!own) throw notFound('visit');
  requireAbility(actor, own.estate_id, 'visit.record', 'visit');
  const events = await ctx.db.transaction().execute(async (trx) => {
    const row = await visitsQuery(trx, own.estate_id).where('visits.id', '=', visitId).executeTakeFirstOrThrow();
    return (await fn(trx, row, now)) ?? [];
  });
  await publishAll(ctx, [{ estateId: own.estate_id, type: 'frontdesk.visit', subjectId: visitId }, ...events]);
  return getVisit(ctx.db, own.estate_id, visitId, now);
}

/** R-WK-4: a queued visitor is greeted and told they will be seen. */
export async function acknowledgeVisitor(
  ctx: AppContext,
  opts: { actor: Actor; visitId: string; body: z.infer<typeof AcknowledgeVisitorBody> },
) {
  return onVisit(ctx, opts.actor, opts.visitId, async (trx, row, now) => {
    if (row.acknowledged_at) return [];
    const at = occurred(opts.body.occurredAt, now, { at: row.arrived_at, what: 'the visitor arrived' });
    await trx.updateTable('visits').set({ acknowledged_at: at }).where('id', '=', row.id).execute();
    return [];
  });
}

/** R-WK-1: who received the visitor and when; the wait (R-WK-4) ends. */
export async function receiveVisitor(ctx: AppContext, opts: { actor: Actor; visitId: string; body: z.infer<typeof ReceiveVisitorBody> }) {
  return onVisit(ctx, opts.actor, opts.visitId, async (trx, row, now) => {
    if (row.status !== 'waiting') throw refuse('frontdesk.visit_not_waiting', 'the visitor is already received');
    const receiver = await personIn(trx, row.estate_id, opts.body.receiverId ?? opts.actor.id, 'receiverId');
    const at = occurred(opts.body.occurredAt, now, { at: row.arrived_at, what: 'the visitor arrived' });
    await trx
      .updateTable('visits')
      .set({ status: 'serving', received_at: at, received_by: receiver.id, acknowledged_at: row.acknowledged_at ?? at })
      .where('id', '=', row.id)
      .execute();
    await meetObligations(trx, { subjectType: VISIT, subjectId: row.id, rule: WAIT_RULE, metAt: at, metBy: receiver.id });
    await log(trx, opts.actor, row.estate_id, now.toISOString(), [VISIT, row.id], 'received', { at, by: receiver.id });
    return [];
  });
}

/** R-WK-3: page the routed colleague: a notice on their screen. */
export async function pageStaff(ctx: AppContext, opts: { actor: Actor; visitId: string; body: z.infer<typeof PageStaffBody> }) {
  return onVisit(ctx, opts.actor, opts.visitId, async (trx, row, now) => {
    if (row.status === 'departed') throw refuse('frontdesk.visit_departed', 'the visitor has left');
    const person = await personIn(trx, row.estate_id, opts.body.staffId, 'staffId');
    await trx.updateTable('visits').set({ routed_to_id: person.id }).where('id', '=', row.id).execute();
    const told = await notifyStaff(trx, ctx, {
      estateId: row.estate_id,
      staffIds: [person.id],
      kind: 'visit.paged',
      subjectType: VISIT,
      subjectId: row.id,
      at: now.toISOString(),
      data: { text: [row.visitor_name, row.unit_number, opts.body.note].filter(Boolean).join(' · '), purpose: row.purpose },
    });
    return [{ estateId: row.estate_id, type: 'notice.created', subjectId: row.id, staffIds: told }];
  });
}

/** R-WK-1: the outcome and the departure close the visit. */
export async function recordVisitDeparture(ctx: AppContext, opts: { actor: Actor; visitId: string; body: z.infer<typeof DepartureBody> }) {
  return onVisit(ctx, opts.actor, opts.visitId, async (trx, row, now) => {
    if (row.status === 'departed') throw refuse('frontdesk.visit_departed', 'the visitor has already left');
    await checkRefs(trx, row.estate_id, { caseId: opts.body.caseId });
    const at = occurred(opts.body.occurredAt, now, { at: row.received_at ?? row.arrived_at, what: 'the visitor arrived or was received' });
    await trx
      .updateTable('visits')
      .set({ status: 'departed', departed_at: at, outcome: opts.body.outcome, case_id: opts.body.caseId ?? row.case_id })
      .where('id', '=', row.id)
      .execute();
    // A visitor who leaves unreceived ends the wait: the rule asked for an apology, not a reception.
    await meetObligations(trx, { subjectType: VISIT, subjectId: row.id, rule: WAIT_RULE, metAt: at, metBy: opts.actor.id });
    await log(trx, opts.actor, row.estate_id, now.toISOString(), [VISIT, row.id], 'departed', { at, outcome: opts.body.outcome });
    return [];
  });
}

export async function listVisits(ctx: AppContext, opts: { actor: Actor; estateId: string; query: z.infer<typeof ListVisitsQuery> }) {
  requireAbility(opts.actor, opts.estateId, 'visit.read');
  const q = opts.query;
  const estate = await estateOf(ctx.db, opts.estateId);
  const asOf = q.asOf ? new Date(q.asOf) : ctx.clock.now();
  let base = ctx.db.selectFrom('visits').where('visits.estate_id', '=', opts.estateId);
  if (q.status === 'waiting' || q.status === 'serving' || q.status === 'departed') base = base.where('visits.status', '=', q.status);
  if (q.status === 'open') base = base.where('visits.status', '!=', 'departed');
  if (q.status === 'today') {
    const day = DateTime.fromJSDate(asOf, { zone: estate.timeZone }).startOf('day');
    base = base.where('visits.arrived_at', '>=', day.toUTC().toISO() ?? '');
  }
  const { n } = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const ids = (
    await base
      .select('visits.id')
      .orderBy('visits.arrived_at', q.status === 'departed' || q.status === 'all' ? 'desc' : 'asc')
      .orderBy('visits.id')
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize)
      .execute()
  ).map((r) => r.id);
  const rows = ids.length ? await visitsQuery(ctx.db, opts.estateId).where('visits.id', 'in', ids).execute() : [];
  const ordered = ids.map((id) => rows.find((r) => r.id === id)).filter((r): r is VisitRow => Boolean(r));
  return { items: ordered.map((r) => presentVisit(r, estate.policy, asOf)), total: Number(n), page: q.page, pageSize: q.pageSize };
}

// ------------------------------------------------------------------ the dashboard

export async function frontDeskSummary(ctx: AppContext, opts: { actor: Actor; estateId: string; asOf?: string | undefined }) {
  requireAbility(opts.actor, opts.estateId, 'desk.summary');
  const estate = await estateOf(ctx.db, opts.estateId);
  const asOf = opts.asOf ? new Date(opts.asOf) : ctx.clock.now();
  const asOfIso = asOf.toISOString();
  const dayStart = DateTime.fromJSDate(asOf, { zone: estate.timeZone }).startOf('day').toUTC().toISO() ?? '';
  const count = async (q: { executeTakeFirstOrThrow(): Promise<{ n: number | string | bigint }> }) =>
    Number((await q.executeTakeFirstOrThrow()).n);
  const callsToday = await count(
    ctx.db
      .selectFrom('calls')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('estate_id', '=', estate.id)
      .where('started_at', '>=', dayStart)
      .where('started_at', '<=', asOfIso),
  );
  const visitsToday = await count(
    ctx.db
      .selectFrom('visits')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('estate_id', '=', estate.id)
      .where('arrived_at', '>=', dayStart)
      .where('arrived_at', '<=', asOfIso),
  );
  const open = ctx.db
    .selectFrom('messages')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('estate_id', '=', estate.id)
    .where('called_back_at', 'is', null);
  const messagesWaiting = await count(open);
  const callbacksOverdue = await count(open.where('callback_due_at', '<', asOfIso));
  const callbacksDue = await count(
    open.where('callback_due_at', '>=', asOfIso).where('callback_due_at', '<=', new Date(asOf.getTime() + 3_600_000).toISOString()),
  );
  const waitingNow = await count(
    ctx.db
      .selectFrom('visits')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('estate_id', '=', estate.id)
      .where('status', '=', 'waiting'),
  );
  const received = await ctx.db
    .selectFrom('visits')
    .select(['arrived_at', 'received_at'])
    .where('estate_id', '=', estate.id)
    .where('arrived_at', '>=', dayStart)
    .where('received_at', 'is not', null)
    .execute();
  const waits = received.map((r) => Math.round((Date.parse(r.received_at as string) - Date.parse(r.arrived_at)) / 1000));
  return {
    asOf: asOfIso,
    callsToday,
    visitsToday,
    messagesWaiting,
    callbacksDue,
    callbacksOverdue,
    waitingNow,
    averageWaitSeconds: waits.length ? Math.round(waits.reduce((a, b) => a + b, 0) / waits.length) : null,
    longestWaitSeconds: waits.length ? Math.max(...waits) : null,
  };
}

// ------------------------------------------------------------------ breaches

/** R-PH-3 breached: the recipient and whoever took the message are told; R-WK-4: the desk is prompted to apologise. */
export async function onFrontDeskBreach(trx: Trx, ctx: AppContext, obligation: ObligationRow, at: string): Promise<LiveEvent[]> {
  if (obligation.rule === WAIT_RULE)
    return [{ estateId: obligation.estate_id, type: 'frontdesk.apology_due', subjectId: obligation.subject_id }];
  const message = await trx
    .selectFrom('messages')
    .select(['for_id', 'taken_by', 'caller_name', 'text'])
    .where('id', '=', obligation.subject_id)
    .executeTakeFirst();
  if (!message) return [];
  const told = await notifyStaff(trx, ctx, {
    estateId: obligation.estate_id,
    staffIds: [message.for_id, message.taken_by],
    kind: 'obligation.breached',
    subjectType: MESSAGE,
    subjectId: obligation.subject_id,
    at,
    data: { rule: obligation.rule, dueAt: obligation.due_at, text: `${message.caller_name}: ${message.text}`.slice(0, 200) },
  });
  return [
    { estateId: obligation.estate_id, type: 'frontdesk.message', subjectId: obligation.subject_id },
    { estateId: obligation.estate_id, type: 'notice.created', subjectId: obligation.subject_id, staffIds: told },
  ];
}
