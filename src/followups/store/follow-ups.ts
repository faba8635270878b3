import { type Kysely, sql, type Transaction } from 'kysely';
import { caseField } from '../../cases/index.js';
import { staffName, unitBuildingName, unitField } from '../../directory/index.js';
import type { Database } from '../../platform/db/schema.js';
import type { FollowUpTable } from '../tables.js';
import '../tables.js';

/** Follow-ups and their attempts, with the case, unit and people they show. Every list is scoped to an estate. */
type Trx = Transaction<Database>;
type Db = Kysely<Database> | Trx;

function followUpsOf(db: Db, estateId: string) {
  return db
    .selectFrom('followups')
    .leftJoin('rain_events', 'rain_events.id', 'followups.rain_event_id')
    .where('followups.estate_id', '=', estateId);
}
type FollowUpsQuery = ReturnType<typeof followUpsOf>;

function withColumns(q: FollowUpsQuery) {
  return q
    .select([
      'followups.id',
      'followups.estate_id',
      'followups.case_id',
      'followups.kind',
      'followups.repair_class',
      'followups.status',
      'followups.repair_completed_at',
      'followups.opened_at',
      'followups.due_at',
      'followups.rain_event_id',
      'followups.notice_id',
      'followups.department_id',
      'followups.assignee_id',
      'followups.performed_at',
      'followups.performed_by',
      'followups.method',
      'followups.resident_words',
      'followups.satisfaction',
      'followups.result',
      'followups.problem',
      'followups.attempt_count',
      'followups.recorded_at',
      'followups.recorded_by',
      'followups.flagged_at',
      'followups.flagged_by',
      'followups.flag_note',
      'followups.resident_score',
      'followups.resident_comment',
      'followups.resident_scored_at',
      'rain_events.started_at as rain_started_at',
      'rain_events.ended_at as rain_ended_at',
    ])
    .select((e) => {
      const caseId = e.ref('followups.case_id');
      const unitId = caseField(caseId, 'unit_id').$asScalar();
      return [
        caseField(caseId, 'number').$asScalar().$notNull().as('case_number'),
        caseField(caseId, 'description').$asScalar().$notNull().as('case_description'),
        caseField(caseId, 'resident_name').as('resident_name'),
        caseField(caseId, 'resident_phone').as('resident_phone'),
        caseField(caseId, 'unit_id').as('unit_id'),
        caseField(caseId, 'resident_id').as('case_resident_id'),
        caseField(caseId, 'maintenance_id').as('maintenance_id'),
        unitField(unitId, 'building_id').as('building_id'),
        unitBuildingName(unitId).as('building_name'),
        unitField(unitId, 'number').as('unit_number'),
        unitField(unitId, 'floor').as('unit_floor'),
        unitField(unitId, 'area_m2').as('unit_area_m2'),
        staffName(e.ref('followups.assignee_id')).as('assignee_name'),
        staffName(e.ref('followups.performed_by')).as('performer_name'),
        staffName(e.ref('followups.recorded_by')).as('recorder_name'),
        staffName(e.ref('followups.flagged_by')).as('flagger_name'),
      ];
    });
}

export async function findFollowUp(db: Db, followUpId: string) {
  const own = await db.selectFrom('followups').select('estate_id').where('id', '=', followUpId).executeTakeFirst();
  if (!own) return undefined;
  return withColumns(followUpsOf(db, own.estate_id)).where('followups.id', '=', followUpId).executeTakeFirst();
}
export type FollowUpRow = NonNullable<Awaited<ReturnType<typeof findFollowUp>>>;

/** The follow-ups of one case, in the order they were opened. */
export async function followUpsOfCase(db: Db, estateId: string, caseId: string): Promise<FollowUpRow[]> {
  return withColumns(followUpsOf(db, estateId))
    .where('followups.case_id', '=', caseId)
    .orderBy('followups.opened_at')
    .orderBy('followups.id')
    .execute();
}

export async function followUpsByIds(db: Db, estateId: string, ids: readonly string[]): Promise<FollowUpRow[]> {
  if (!ids.length) return [];
  return withColumns(followUpsOf(db, estateId)).where('followups.id', 'in', ids).execute();
}

export type FollowUpQueueName = 'due_today' | 'overdue' | 'awaiting_rain' | 'open' | 'done' | 'flagged' | 'all';

/** The follow-up queues of an estate as of an instant: one page of the queue asked for, and the size of each queue. */
export async function followUpQueue(
  db: Db,
  o: {
    estateId: string;
    queue: FollowUpQueueName;
    asOf: string;
    todayEnd: string;
    filter: {
      repairClass?: string | undefined;
      kind?: string | undefined;
      result?: string | undefined;
      caseId?: string | undefined;
      assignee?: { id: string } | null | undefined;
      performedIn?: { start: string; end: string } | undefined;
    };
    page: number;
    pageSize: number;
  },
) {
  const f = o.filter;
  let filtered = followUpsOf(db, o.estateId);
  if (f.repairClass) filtered = filtered.where('followups.repair_class', '=', f.repairClass);
  if (f.kind) filtered = filtered.where('followups.kind', '=', f.kind);
  if (f.result) filtered = filtered.where('followups.result', '=', f.result);
  if (f.caseId) filtered = filtered.where('followups.case_id', '=', f.caseId);
  if (f.assignee === null) filtered = filtered.where('followups.assignee_id', 'is', null);
  else if (f.assignee) filtered = filtered.where('followups.assignee_id', '=', f.assignee.id);
  if (f.performedIn)
    filtered = filtered.where('followups.performed_at', '>=', f.performedIn.start).where('followups.performed_at', '<', f.performedIn.end);
  const open = filtered.where('followups.status', '=', 'open');
  const queues = {
    due_today: open.where('followups.due_at', '>=', o.asOf).where('followups.due_at', '<', o.todayEnd),
    overdue: open.where('followups.due_at', '<', o.asOf),
    awaiting_rain: filtered.where('followups.status', '=', 'awaiting_rain'),
    open,
    done: filtered.where('followups.status', '=', 'done'),
    flagged: filtered.where('followups.flagged_at', 'is not', null),
    all: filtered,
  } as const;
  const count = async (k: FollowUpQueueName) =>
    Number((await queues[k].select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const total = await count(o.queue);
  let ordered = withColumns(queues[o.queue]);
  ordered =
    o.queue === 'done' || o.queue === 'flagged'
      ? ordered.orderBy('followups.performed_at', 'desc')
      : o.queue === 'awaiting_rain'
        ? ordered.orderBy('followups.repair_completed_at')
        : ordered.orderBy(sql`case when followups.due_at is null then 1 else 0 end`).orderBy('followups.due_at');
  const rows = await ordered
    .orderBy('followups.id')
    .limit(o.pageSize)
    .offset((o.page - 1) * o.pageSize)
    .execute();
  return {
    rows,
    total,
    counts: {
      dueToday: await count('due_today'),
      overdue: await count('overdue'),
      awaitingRain: await count('awaiting_rain'),
      open: await count('open'),
      flagged: await count('flagged'),
    },
  };
}

export async function attemptsOf(db: Db, followUpIds: readonly string[]) {
  if (!followUpIds.length) return [];
  return db
    .selectFrom('followup_attempts')
    .select([
      'followup_attempts.id',
      'followup_attempts.followup_id',
      'followup_attempts.at',
      'followup_attempts.method',
      'followup_attempts.note',
      'followup_attempts.by_id',
    ])
    .select((e) => staffName(e.ref('followup_attempts.by_id')).$asScalar().$notNull().as('by_name'))
    .where('followup_attempts.followup_id', 'in', followUpIds)
    .orderBy('followup_attempts.at')
    .execute();
}

/** A new follow-up, unless one with its dedupe key exists: then undefined. */
export async function insertFollowUp(trx: Trx, row: FollowUpTable): Promise<string | undefined> {
  const inserted = await trx
    .insertInto('followups')
    .values(row)
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted?.id;
}

export async function pointFollowUpToRain(trx: Trx, o: { id: string; rainEventId: string; dueAt: string }): Promise<void> {
  await trx
    .updateTable('followups')
    .set({ status: 'open', rain_event_id: o.rainEventId, due_at: o.dueAt })
    .where('id', '=', o.id)
    .execute();
}

/** After-rain follow-ups of leaks completed before `completedBefore`, waiting for rain or pointed at one, with that rain's start. */
export async function afterRainFollowUps(trx: Trx, estateId: string, completedBefore: string) {
  return trx
    .selectFrom('followups')
    .leftJoin('rain_events', 'rain_events.id', 'followups.rain_event_id')
    .select([
      'followups.id',
      'followups.case_id',
      'followups.status',
      'followups.repair_completed_at',
      'rain_events.started_at as rain_started_at',
    ])
    .where('followups.estate_id', '=', estateId)
    .where('followups.kind', '=', 'after_rain')
    .where('followups.status', 'in', ['awaiting_rain', 'open'])
    .where('followups.repair_completed_at', '<', completedBefore)
    .execute();
}

export async function updateFollowUp(
  trx: Trx,
  id: string,
  patch: Partial<Omit<FollowUpTable, 'id' | 'estate_id' | 'case_id' | 'dedupe_key'>>,
): Promise<void> {
  await trx.updateTable('followups').set(patch).where('id', '=', id).execute();
}

export async function addAttempt(
  trx: Trx,
  attempt: { id: string; estate_id: string; followup_id: string; at: string; method: string; note: string | null; by_id: string },
): Promise<void> {
  await trx.insertInto('followup_attempts').values(attempt).execute();
  await trx.updateTable('followups').set({ attempt_count: sql<number>`attempt_count + 1` }).where('id', '=', attempt.followup_id).execute();
}

/** The month's completed follow-ups in a fixed order (completion time, id): the population of the spot check. */
export async function doneBetween(trx: Db, estateId: string, start: string, end: string): Promise<string[]> {
  const rows = await trx
    .selectFrom('followups')
    .select('id')
    .where('estate_id', '=', estateId)
    .where('status', '=', 'done')
    .where('performed_at', '>=', start)
    .where('performed_at', '<', end)
    .orderBy('performed_at')
    .orderBy('id')
    .execute();
  return rows.map((r) => r.id);
}

export async function followUpBrief(trx: Trx, estateId: string, id: string) {
  return trx
    .selectFrom('followups')
    .select(['id', 'case_id', 'performed_by'])
    .where('id', '=', id)
    .where('estate_id', '=', estateId)
    .executeTakeFirstOrThrow();
}

/** The estate's follow-ups still to do, counted by class and status: all, those with a due time, overdue and due before the day ends. */
export async function pendingFollowUps(db: Db, estateId: string, asOf: string, dayEnd: string) {
  const rows = await db
    .selectFrom('followups')
    .select((eb) => [
      'repair_class',
      'status',
      eb.fn.countAll<number>().as('all'),
      eb.fn.count<number>('due_at').as('dated'),
      eb.fn.sum<number>(eb.case().when('due_at', '<', asOf).then(1).else(0).end()).as('overdue'),
      eb.fn
        .sum<number>(
          eb
            .case()
            .when(eb.and([eb('due_at', '>=', asOf), eb('due_at', '<', dayEnd)]))
            .then(1)
            .else(0)
            .end(),
        )
        .as('due_today'),
    ])
    .where('estate_id', '=', estateId)
    .where('status', 'in', ['open', 'awaiting_rain'])
    .groupBy(['repair_class', 'status'])
    .execute();
  return rows.map((r) => ({
    repairClass: r.repair_class,
    status: r.status,
    all: Number(r.all),
    dated: Number(r.dated),
    overdue: Number(r.overdue ?? 0),
    dueToday: Number(r.due_today ?? 0),
  }));
}

/** How many follow-ups each rain pointed at. */
export async function openedByRain(db: Db, estateId: string, rainIds: readonly string[]): Promise<Map<string, number>> {
  if (!rainIds.length) return new Map();
  const rows = await db
    .selectFrom('followups')
    .select(['rain_event_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('estate_id', '=', estateId)
    .where('rain_event_id', 'in', rainIds)
    .groupBy('rain_event_id')
    .execute();
  return new Map(rows.map((r) => [r.rain_event_id as string, Number(r.n)]));
}
