import {
  AFTER_RAIN_RULE,
  afterRainDueAt,
  FOLLOW_UP_RULE,
  followUpDueAt,
  NOTICE_RULE,
  noticeCode,
  noticeDueAt,
  RECTIFY_RULE,
} from '../../src/followups/rules.js';
import { type CaseRun, type CompletedRepair, POLICY } from './cases.js';
import { obligation } from './obligations.js';
import { DAY, HOUR, iso, MINUTE } from './random.js';
import { problemText, residentWords } from './texts.js';

export interface Rain {
  startedAt: number;
  endedAt: number;
  amountMm: number;
}

interface Notice {
  row: Record<string, unknown>;
  issuedAt: number;
  caseId: string;
  problem: string;
  rectifiedAt: number | null;
  repair: CompletedRepair;
}

/**
 * The estate's rain (shared weather, one row per estate), the R-FU-1 and R-FU-2 visits of its
 * completed repairs, and the rectification notices of the visits that found a problem (R-RC-1..3),
 * numbered gap-free per year in the order they were issued.
 */
export function generateFollowUps(
  run: CaseRun,
  rains: readonly Rain[],
  repairs: readonly CompletedRepair[],
): { notices: Map<number, number> } {
  const { sink, random, estate, now } = run;
  const office = [...estate.byRole('receptionist'), ...estate.byDept('property')];
  const rainRows = rains.map((r) => {
    const row = {
      id: random.id(r.endedAt),
      estate_id: estate.id,
      started_at: iso(r.startedAt),
      ended_at: iso(r.endedAt),
      amount_mm: r.amountMm,
      source: 'hko',
      note: null,
      recorded_by: estate.manager.id,
      recorded_at: iso(r.endedAt + HOUR),
    };
    sink.add('rain_events', row);
    run.chain.add({
      at: row.recorded_at,
      actorId: estate.manager.id,
      entityType: 'rain_event',
      entityId: row.id,
      action: 'recorded',
      before: null,
      after: row,
    });
    return { ...r, id: row.id };
  });
  const notices: Notice[] = [];
  const followUp = (
    repair: CompletedRepair,
    kind: string,
    openedAt: number,
    dueAt: number | null,
    rainId: string | null,
    rule: string,
    noticeId: string | null,
    presetId?: string,
  ) => {
    const id = presetId ?? random.id(openedAt);
    const by = random.pick(office);
    const performedAt =
      dueAt === null ? null : openedAt + (random.chance(0.9) ? random.between(0.1, 0.9) : random.between(1, 1.5)) * (dueAt - openedAt);
    const done = performedAt !== null && performedAt < now;
    const result = done ? random.weighted({ ok: 90, unreachable: 6, problem: kind === 'after_rectification' ? 0 : 4 }) : null;
    const row = {
      id,
      estate_id: estate.id,
      case_id: repair.caseId,
      kind,
      repair_class: repair.repairClass,
      status: done ? 'done' : dueAt === null ? 'awaiting_rain' : 'open',
      dedupe_key:
        kind === 'repair' ? `repair:${repair.caseId}` : kind === 'after_rain' ? `after_rain:${repair.caseId}` : `rectification:${noticeId}`,
      repair_completed_at: iso(repair.completedAt),
      opened_at: iso(openedAt),
      due_at: dueAt === null ? null : iso(dueAt),
      rain_event_id: rainId,
      notice_id: noticeId,
      department_id: repair.departmentId === null ? null : estate.departments.front_desk,
      assignee_id: null,
      performed_at: done ? iso(performedAt) : null,
      performed_by: done ? by.id : null,
      method: done ? random.pick(['phone', 'visit']) : null,
      resident_words: done && result !== 'unreachable' ? residentWords(random) : null,
      satisfaction: done && result === 'ok' ? random.int(3, 5) : null,
      result,
      problem: result === 'problem' ? problemText(random) : null,
      attempt_count: result === 'unreachable' ? 3 : 0,
      recorded_at: done ? iso(performedAt + 5 * MINUTE) : null,
      recorded_by: done ? by.id : null,
      flagged_at: null,
      flagged_by: null,
      flag_note: null,
    };
    sink.add('followups', row);
    run.chain.add({
      at: row.opened_at,
      actorId: null,
      entityType: 'followup',
      entityId: id,
      action: 'scheduled',
      before: null,
      after: { kind, dueAt: row.due_at },
    });
    sink.add('case_events', {
      id: random.id(openedAt),
      estate_id: estate.id,
      case_id: repair.caseId,
      type: 'follow_up_scheduled',
      at: row.opened_at,
      actor_id: null,
      text: null,
      data: JSON.stringify({ followUpId: id, kind, dueAt: row.due_at }),
    });
    if (dueAt !== null) {
      obligation(sink, random, {
        estateId: estate.id,
        rule,
        subjectType: 'followup',
        subjectId: id,
        departmentId: row.department_id,
        openedAt,
        dueAt,
        metAt: performedAt,
        metBy: by.id,
        now,
        unsweptMs: run.unsweptMs,
        data: { caseId: repair.caseId, kind, repairClass: repair.repairClass },
      });
    }
    if (!done || performedAt === null) return;
    for (let i = 0; i < row.attempt_count; i++) {
      const at = performedAt - (row.attempt_count - i) * 3 * HOUR;
      sink.add('followup_attempts', {
        id: random.id(at),
        estate_id: estate.id,
        followup_id: id,
        at: iso(at),
        method: 'phone',
        note: '無人接聽',
        by_id: by.id,
      });
    }
    sink.add('case_events', {
      id: random.id(performedAt),
      estate_id: estate.id,
      case_id: repair.caseId,
      type: 'follow_up',
      at: iso(performedAt),
      actor_id: by.id,
      text: row.resident_words,
      data: JSON.stringify({ followUpId: id, result, method: row.method }),
    });
    run.chain.add({
      at: row.recorded_at as string,
      actorId: by.id,
      entityType: 'followup',
      entityId: id,
      action: 'recorded',
      before: null,
      after: { result, method: row.method, performedAt: row.performed_at },
    });
    if (result !== 'problem') return;
    const issuedAt = performedAt + (random.chance(0.95) ? random.between(1, 20) : random.between(25, 40)) * HOUR;
    obligation(sink, random, {
      estateId: estate.id,
      rule: NOTICE_RULE,
      subjectType: 'followup',
      subjectId: id,
      departmentId: row.department_id,
      openedAt: performedAt,
      dueAt: Date.parse(noticeDueAt(iso(performedAt), POLICY)),
      metAt: issuedAt,
      metBy: estate.manager.id,
      now,
      unsweptMs: run.unsweptMs,
      data: { caseId: repair.caseId },
    });
    if (issuedAt >= now) return;
    const deadline = issuedAt + 7 * DAY;
    const acknowledgedAt = issuedAt + random.between(2, 24) * HOUR;
    const rectifiedAt = acknowledgedAt + random.between(1, 6) * DAY;
    const problem = row.problem as string;
    notices.push({
      issuedAt,
      caseId: repair.caseId,
      problem,
      rectifiedAt: rectifiedAt < now ? rectifiedAt : null,
      repair,
      row: {
        id: random.id(issuedAt),
        estate_id: estate.id,
        case_id: repair.caseId,
        followup_id: id,
        spot_check_item_id: null,
        unit_id: repair.unitId,
        finding_at: iso(performedAt),
        problem,
        required_action: '請於限期內完成整改並通知管理處',
        deadline_at: iso(deadline),
        recipient_id: repair.maintenanceId,
        issued_by: estate.manager.id,
        issued_at: iso(issuedAt),
        issue_due_at: noticeDueAt(iso(performedAt), POLICY),
        acknowledged_at: acknowledgedAt < now ? iso(acknowledgedAt) : null,
        acknowledged_by: acknowledgedAt < now ? repair.maintenanceId : null,
        rectified_at: rectifiedAt < now ? iso(rectifiedAt) : null,
        rectified_by: rectifiedAt < now ? repair.maintenanceId : null,
        rectified_note: rectifiedAt < now ? '已完成整改' : null,
        next_followup_id: null,
        voided_at: null,
        voided_by: null,
        void_reason: null,
      },
    });
  };

  let rainIndex = 0;
  for (const repair of repairs) {
    followUp(
      repair,
      'repair',
      repair.completedAt,
      Date.parse(followUpDueAt(repair.repairClass, iso(repair.completedAt), POLICY)),
      null,
      FOLLOW_UP_RULE,
      null,
    );
    if (repair.repairClass !== 'leak') continue;
    while (rainIndex < rainRows.length && (rainRows[rainIndex]?.startedAt ?? 0) <= repair.completedAt) rainIndex++;
    const rain = rainRows[rainIndex];
    const pointed = rain && rain.endedAt < now ? rain : null;
    const due = pointed ? Date.parse(afterRainDueAt(iso(pointed.endedAt), POLICY)) : null;
    followUp(repair, 'after_rain', pointed ? pointed.endedAt : repair.completedAt, due, pointed?.id ?? null, AFTER_RAIN_RULE, null);
  }

  // Notices take their numbers in the order they were issued, per year (Hong Kong time).
  notices.sort((a, b) => a.issuedAt - b.issuedAt);
  const numbers = new Map<number, number>();
  for (const n of notices) {
    const year = new Date(n.issuedAt + 8 * HOUR).getUTCFullYear();
    const number = (numbers.get(year) ?? 0) + 1;
    numbers.set(year, number);
    const code = noticeCode(year, number);
    n.row.year = year;
    n.row.number = number;
    const id = n.row.id as string;
    if (n.rectifiedAt !== null) {
      const nextId = random.id(n.rectifiedAt);
      n.row.next_followup_id = nextId;
    }
    obligation(sink, random, {
      estateId: estate.id,
      rule: RECTIFY_RULE,
      subjectType: 'rectification_notice',
      subjectId: id,
      ownerId: n.row.recipient_id as string,
      openedAt: n.issuedAt,
      dueAt: Date.parse(n.row.deadline_at as string),
      metAt: n.rectifiedAt,
      metBy: n.row.recipient_id as string,
      now,
      unsweptMs: run.unsweptMs,
      data: { caseId: n.caseId, code },
    });
    sink.add('case_events', {
      id: random.id(n.issuedAt),
      estate_id: estate.id,
      case_id: n.caseId,
      type: 'rectification_notice',
      at: n.row.issued_at,
      actor_id: estate.manager.id,
      text: `${code} ${n.problem}\n${n.row.required_action}`,
      data: JSON.stringify({ noticeId: id, code, action: 'issued', deadlineAt: n.row.deadline_at }),
    });
    run.chain.add({
      at: n.row.issued_at as string,
      actorId: estate.manager.id,
      entityType: 'rectification_notice',
      entityId: id,
      action: 'issued',
      before: null,
      after: { ...n.row },
    });
  }
  // The after-rectification visits (R-RC-3) come before the notices that point at them.
  for (const n of notices) {
    if (n.rectifiedAt === null) continue;
    const due = Date.parse(followUpDueAt(n.repair.repairClass, iso(n.rectifiedAt), POLICY));
    followUp(
      n.repair,
      'after_rectification',
      n.rectifiedAt,
      due,
      null,
      FOLLOW_UP_RULE,
      n.row.id as string,
      n.row.next_followup_id as string,
    );
  }
  for (const n of notices) sink.add('rectification_notices', n.row);
  return { notices: numbers };
}
