import type { FollowUp, RainEvent, RectificationNotice, SpotCheck } from '../contract/followups.js';
import { presentJoinedUnit } from '../directory/index.js';
import { metOnTime, obligationState } from '../platform/obligations/index.js';
import { noticeCode } from './rules.js';
import type { FollowUpRow } from './store/follow-ups.js';
import type { NoticeRow } from './store/notices.js';
import type { RainEventTable, SpotCheckItemTable, SpotCheckTable } from './tables.js';

/** Row → API shapes of follow-ups, rain, notices and spot checks. */
const person = (id: string | null, name: string | null | undefined) => (id ? { id, name: name ?? '' } : null);

const unitOf = presentJoinedUnit;

export function noticeStatus(n: { voided_at: string | null; rectified_at: string | null; acknowledged_at: string | null }) {
  if (n.voided_at) return 'void' as const;
  if (n.rectified_at) return 'rectified' as const;
  if (n.acknowledged_at) return 'acknowledged' as const;
  return 'issued' as const;
}

export function presentFollowUp(
  r: FollowUpRow,
  attempts: { id: string; at: string; method: string; note: string | null; by_id: string; by_name: string }[],
  rect: {
    obligation: { due_at: string; met_at: string | null; cancelled_at: string | null } | undefined;
    notices: {
      id: string;
      year: number;
      number: number;
      acknowledged_at: string | null;
      rectified_at: string | null;
      voided_at: string | null;
    }[];
  },
  asOf: Date,
): FollowUp {
  const done = r.status === 'done';
  const deadline = r.due_at ? { due_at: r.due_at, met_at: done ? r.performed_at : null, cancelled_at: null } : null;
  return {
    id: r.id,
    estateId: r.estate_id,
    caseId: r.case_id,
    caseNumber: r.case_number,
    caseDescription: r.case_description,
    unit: unitOf(r),
    residentName: r.resident_name,
    residentPhone: r.resident_phone,
    kind: r.kind as FollowUp['kind'],
    rule: r.kind === 'after_rain' ? 'R-FU-2' : 'R-FU-1',
    repairClass: r.repair_class as FollowUp['repairClass'],
    status: r.status as FollowUp['status'],
    repairCompletedAt: r.repair_completed_at,
    openedAt: r.opened_at,
    dueAt: r.due_at,
    state: deadline ? obligationState(deadline, asOf) : null,
    metOnTime: deadline ? metOnTime(deadline) : null,
    rainEvent:
      r.rain_event_id && r.rain_started_at && r.rain_ended_at
        ? { id: r.rain_event_id, startedAt: r.rain_started_at, endedAt: r.rain_ended_at }
        : null,
    noticeId: r.notice_id,
    assignee: person(r.assignee_id, r.assignee_name),
    performedAt: r.performed_at,
    performedBy: person(r.performed_by, r.performer_name),
    method: r.method as FollowUp['method'],
    residentWords: r.resident_words,
    satisfaction: r.satisfaction === null ? null : Number(r.satisfaction),
    result: r.result as FollowUp['result'],
    problem: r.problem,
    attempts: attempts.map((a) => ({
      id: a.id,
      at: a.at,
      method: a.method as 'phone' | 'visit',
      note: a.note,
      by: { id: a.by_id, name: a.by_name },
    })),
    recordedAt: r.recorded_at,
    recordedBy: person(r.recorded_by, r.recorder_name),
    rectification: rect.obligation
      ? {
          dueAt: rect.obligation.due_at,
          state: obligationState(rect.obligation, asOf),
          notices: rect.notices.map((n) => ({ id: n.id, code: noticeCode(n.year, n.number), status: noticeStatus(n) })),
        }
      : null,
    flag:
      r.flagged_at && r.flagged_by ? { at: r.flagged_at, by: { id: r.flagged_by, name: r.flagger_name ?? '' }, note: r.flag_note } : null,
  };
}

export function presentRain(r: RainEventTable & { recorder_name: string }, followUpsOpened: number): RainEvent {
  return {
    id: r.id,
    estateId: r.estate_id,
    startedAt: r.started_at,
    endedAt: r.ended_at,
    amountMm: r.amount_mm === null ? null : Number(r.amount_mm),
    source: r.source as RainEvent['source'],
    note: r.note,
    recordedBy: { id: r.recorded_by, name: r.recorder_name },
    recordedAt: r.recorded_at,
    followUpsOpened,
  };
}

export function presentNotice(r: NoticeRow): RectificationNotice {
  return {
    id: r.id,
    estateId: r.estate_id,
    estateName: r.estate_name,
    officeName: r.office_name,
    number: Number(r.number),
    year: Number(r.year),
    code: noticeCode(Number(r.year), Number(r.number)),
    status: noticeStatus(r),
    caseId: r.case_id,
    caseNumber: r.case_number,
    repairClass: (r.repair_class ?? 'other') as RectificationNotice['repairClass'],
    unit: unitOf(r),
    followUpId: r.followup_id,
    spotCheckItemId: r.spot_check_item_id,
    findingAt: r.finding_at,
    problem: r.problem,
    requiredAction: r.required_action,
    deadlineAt: r.deadline_at,
    recipient: { id: r.recipient_id, name: r.recipient_name },
    issuedBy: { id: r.issued_by, name: r.issuer_name },
    issuedAt: r.issued_at,
    issuedOnTime: Date.parse(r.issued_at) <= Date.parse(r.issue_due_at),
    acknowledgedAt: r.acknowledged_at,
    acknowledgedBy: person(r.acknowledged_by, r.acker_name),
    rectifiedAt: r.rectified_at,
    rectifiedBy: person(r.rectified_by, r.rectifier_name),
    rectifiedNote: r.rectified_note,
    nextFollowUpId: r.next_followup_id,
    voidedAt: r.voided_at,
    voidedBy: person(r.voided_by, r.voider_name),
    voidReason: r.void_reason,
  };
}

export function presentSpotCheck(
  c: SpotCheckTable & { drawer_name: string | null },
  items: (SpotCheckItemTable & { verdict_name: string | null })[],
  followUps: FollowUp[],
  asOf: Date,
  alreadyDrawn: boolean,
): SpotCheck {
  return {
    id: c.id,
    estateId: c.estate_id,
    month: c.month,
    status: c.completed_at ? 'complete' : c.drawn_at ? 'drawn' : 'pending',
    seed: c.seed,
    population: Number(c.population),
    sampleSize: Number(c.sample_size),
    drawnAt: c.drawn_at,
    drawnBy: person(c.drawn_by, c.drawer_name),
    dueAt: c.due_at,
    state: obligationState({ met_at: c.completed_at, cancelled_at: null, due_at: c.due_at }, asOf),
    completedAt: c.completed_at,
    items: items.flatMap((i) => {
      const followUp = followUps.find((f) => f.id === i.followup_id);
      if (!followUp) return [];
      return [
        {
          id: i.id,
          position: Number(i.position),
          followUp,
          verdict: i.verdict as SpotCheck['items'][number]['verdict'],
          note: i.note,
          problemFound: Boolean(Number(i.problem_found)),
          verdictAt: i.verdict_at,
          verdictBy: person(i.verdict_by, i.verdict_name),
        },
      ];
    }),
    alreadyDrawn,
  };
}
