import { CaseStatus, type Channel, type Satisfaction } from '../contract/cases.js';
import type { EstatePolicy, Role } from '../contract/directory.js';

/** Pure rules of cases: no clock, no database. Each carries its rule id. */

export type CaseKind = 'inquiry' | 'repair' | 'fee' | 'complaint' | 'message' | 'praise' | 'suggestion';

export const REPLY_RULE = 'R-CP-1';

/**
 * The statuses of an open case, named rather than "not closed", so that the index on
 * (estate, status, recorded) serves the open-case list and counts.
 */
export const OPEN_STATUSES: readonly CaseStatus[] = CaseStatus.options.filter((s) => s !== 'closed');

/**
 * R-CP-1: "管理處監督、投訴電話全天開通,72小時內有回復" — every complaint, and every case that
 * arrives on the hotline, gets a first reply within the estate's reply limit of when it
 * happened. Praise and suggestions carry no deadline (R-IN-2).
 */
export function replyDueAt(
  kind: CaseKind,
  channel: Channel,
  occurredAt: Date,
  policy: Pick<EstatePolicy, 'complaintReplyHours'>,
): Date | null {
  if (kind === 'praise' || kind === 'suggestion') return null;
  if (kind !== 'complaint' && channel !== 'hotline') return null;
  return new Date(occurredAt.getTime() + policy.complaintReplyHours * 3_600_000);
}

/** R-CP-1: a reply counts as on time when given by the due time. */
export function replyOnTime(repliedAt: Date, dueAt: Date): boolean {
  return repliedAt.getTime() <= dueAt.getTime();
}

/**
 * R-CP-4: an overdue reply escalates to the manager; so does R-CP-5's contact with a complainant. Which role an overdue obligation goes
 * to, by rule; later capabilities add their rules here.
 */
export function escalationRole(rule: string): Role | null {
  return rule === REPLY_RULE || rule === 'R-CP-5' ? 'manager' : null;
}

export type CloseDecision =
  | { ok: true; withoutSatisfaction: boolean }
  | { ok: false; code: 'case.close_needs_result' | 'case.close_needs_satisfaction' | 'case.close_needs_reason'; message: string };

/**
 * R-CP-3: "處理投訴要做到讓業主滿意…處理結果做好記錄" — a complaint closes only with a recorded
 * handling result and the resident's satisfaction. Not satisfied keeps it open. Only someone
 * who may close a complaint without satisfaction in the case's estate (`case.close.unsatisfied`:
 * its managers) may do so, and must give a reason.
 */
export function closeDecision(
  c: { kind: CaseKind; result: string | null; satisfaction: Satisfaction | null },
  by: { mayCloseUnsatisfied: boolean },
  input: { reason?: string | undefined },
): CloseDecision {
  if (c.kind !== 'complaint') return { ok: true, withoutSatisfaction: false };
  if (!c.result)
    return { ok: false, code: 'case.close_needs_result', message: 'R-CP-3: a complaint closes only with a recorded handling result' };
  if (c.satisfaction === 'satisfied') return { ok: true, withoutSatisfaction: false };
  if (!by.mayCloseUnsatisfied) {
    return {
      ok: false,
      code: 'case.close_needs_satisfaction',
      message:
        c.satisfaction === 'not_satisfied'
          ? 'R-CP-3: the resident is not satisfied; the complaint stays open (only a manager may close it, with a reason)'
          : "R-CP-3: a complaint closes only with the resident's satisfaction (only a manager may close it without, with a reason)",
    };
  }
  if (!input.reason)
    return { ok: false, code: 'case.close_needs_reason', message: 'R-CP-3: closing a complaint without satisfaction needs a reason' };
  return { ok: true, withoutSatisfaction: true };
}

/** R-CP-3: "not satisfied" keeps the complaint open and escalates it to the manager. */
export function satisfactionEscalates(kind: CaseKind, satisfaction: Satisfaction): boolean {
  return kind === 'complaint' && satisfaction === 'not_satisfied';
}

/**
 * R-CP-2 / R-PH-4: the departments whose duties cover a case: by kind, and for repairs by
 * repair class. Best matches first.
 */
export function departmentsFor<T extends { caseKinds: string[]; repairClasses: string[] }>(
  kind: CaseKind,
  repairClass: string | null,
  departments: T[],
): T[] {
  const score = (d: T) => (d.caseKinds.includes(kind) ? 2 : 0) + (repairClass && d.repairClasses.includes(repairClass) ? 1 : 0);
  return departments.filter((d) => score(d) > 0).sort((a, b) => score(b) - score(a));
}

/** R-CP-2: forwarding needs another department and a reason. */
export function forwardProblem(currentDepartmentId: string | null, targetDepartmentId: string, reason: string): string | null {
  if (currentDepartmentId === targetDepartmentId) return 'departmentId: the case is already with that department';
  if (!reason.trim()) return 'reason: a forwarded complaint needs a reason';
  return null;
}

export type CaseStatusValue = 'new' | 'assigned' | 'in_progress' | 'resolved' | 'closed';

/** The lifecycle new → assigned → in progress → resolved → closed, with reopening. */
const NEXT: Record<string, CaseStatusValue[]> = {
  new: ['assigned', 'in_progress', 'resolved', 'closed'],
  assigned: ['assigned', 'in_progress', 'resolved', 'closed'],
  in_progress: ['assigned', 'in_progress', 'resolved', 'closed'],
  resolved: ['in_progress', 'closed', 'assigned'],
  closed: [],
};

export function canMove(from: CaseStatusValue, to: CaseStatusValue): boolean {
  return NEXT[from]?.includes(to) ?? false;
}

/** Case numbers: the year in the estate's time zone and a per-estate sequence, e.g. 2026-00042. */
export function caseNumber(year: number, sequence: number): string {
  return `${year}-${String(sequence).padStart(5, '0')}`;
}
