import type { EstatePolicy } from '../../contract/directory.js';
import { departmentIdByCode } from '../../directory/index.js';
import { newId } from '../../platform/ids.js';
import { cancelObligations, openObligation } from '../../platform/obligations/index.js';
import { AFTER_RAIN_RULE, afterRainDueAt, FOLLOW_UP_RULE, type RepairClass } from '../rules.js';
import { FOLLOW_UP, type Trx } from '../shared.js';
import { insertFollowUp, pointFollowUpToRain } from '../store/follow-ups.js';

/** The department that makes follow-up visits: the front desk (§4: the office follows up). */
const followUpDepartment = (trx: Trx, estateId: string) => departmentIdByCode(trx, estateId, 'front_desk');

/**
 * A new follow-up with its deadline (R-FU-1), or awaiting rain when it has no due time yet;
 * undefined when one with the same dedupe key exists (scheduled once).
 */
export async function openFollowUp(
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
  const departmentId = await followUpDepartment(trx, f.estateId);
  const inserted = await insertFollowUp(trx, {
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
  });
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
 * R-FU-2: point an after-rain follow-up at a rain: due 48 h after it ends. Its deadline is
 * replaced (the old one cancelled) when an earlier rain turns up later.
 */
export async function pointToRain(
  trx: Trx,
  policy: EstatePolicy,
  followUp: { id: string; estateId: string; caseId: string },
  rain: { id: string; started_at: string; ended_at: string },
  openedAt: string,
): Promise<void> {
  const dueAt = afterRainDueAt(rain.ended_at, policy);
  await pointFollowUpToRain(trx, { id: followUp.id, rainEventId: rain.id, dueAt });
  await cancelObligations(trx, { subjectType: FOLLOW_UP, subjectId: followUp.id, at: openedAt });
  const departmentId = await followUpDepartment(trx, followUp.estateId);
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
