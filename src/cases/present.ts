import type { CaseDetail, CaseSummary, Obligation } from '../contract/cases.js';
import { presentJoinedUnit } from '../directory/index.js';
import { metOnTime, type ObligationRow, obligationState } from '../platform/obligations/index.js';
import { REPLY_RULE } from './rules.js';
import type { CaseJoinRow } from './store.js';
import type { AttachmentTable } from './tables.js';

/** Row → API shapes of cases. */
type Named<T> = T & { escalated_name: string | null; case_number: string | null };

export function presentObligation(r: Named<ObligationRow>, asOf: Date, withinHours = 24): Obligation {
  return {
    id: r.id,
    estateId: r.estate_id,
    rule: r.rule,
    subjectType: r.subject_type,
    subjectId: r.subject_id,
    caseNumber: r.case_number,
    ownerId: r.owner_id,
    departmentId: r.department_id,
    openedAt: r.opened_at,
    dueAt: r.due_at,
    metAt: r.met_at,
    metOnTime: metOnTime(r),
    breachedAt: r.breached_at,
    escalatedTo: r.escalated_to ? { id: r.escalated_to, name: r.escalated_name ?? '' } : null,
    state: obligationState(r, asOf, withinHours),
  };
}

const person = (id: string | null, name: string | null) => (id ? { id, name: name ?? '' } : null);

export function presentCase(r: CaseJoinRow, obligations: ObligationRow[], asOf: Date): CaseSummary {
  const reply = obligations.find((o) => o.rule === REPLY_RULE && !o.met_at && !o.cancelled_at);
  return {
    id: r.id,
    estateId: r.estate_id,
    number: r.number,
    kind: r.kind as CaseSummary['kind'],
    channel: r.channel as CaseSummary['channel'],
    status: r.status as CaseSummary['status'],
    unit: presentJoinedUnit(r),
    residentId: r.resident_id,
    residentName: r.resident_name,
    residentPhone: r.resident_phone,
    description: r.description,
    repairClass: r.repair_class as CaseSummary['repairClass'],
    occurredAt: r.occurred_at,
    recordedAt: r.recorded_at,
    recordedBy: { id: r.recorded_by, name: r.recorder_name ?? '' },
    department: r.department_id ? { id: r.department_id, name: r.department_name ?? '' } : null,
    assignee: person(r.assignee_id, r.assignee_name),
    maintenanceStaff: person(r.maintenance_id, r.maintenance_name),
    escalatedTo: person(r.escalated_to, r.escalated_name),
    firstReplyAt: r.first_reply_at,
    replyDueAt: reply?.due_at ?? null,
    overdue: obligations.some((o) => obligationState(o, asOf) === 'overdue'),
    satisfaction: r.satisfaction as CaseSummary['satisfaction'],
    updatedAt: r.updated_at,
  };
}

export function presentDetail(
  r: CaseJoinRow,
  parts: {
    events: {
      id: string;
      type: string;
      at: string;
      actor_id: string | null;
      actor_name: string | null;
      text: string | null;
      data: string;
    }[];
    obligations: Named<ObligationRow>[];
    attachments: AttachmentTable[];
    asOf: Date;
  },
): CaseDetail {
  return {
    ...presentCase(r, parts.obligations, parts.asOf),
    result: r.result,
    closedAt: r.closed_at,
    closeReason: r.close_reason,
    repairStartedAt: r.repair_started_at,
    repairCompletedAt: r.repair_completed_at,
    timeline: parts.events.map((e) => ({
      id: e.id,
      type: e.type as CaseDetail['timeline'][number]['type'],
      at: e.at,
      actor: person(e.actor_id, e.actor_name),
      text: e.text,
      data: JSON.parse(e.data) as Record<string, unknown>,
    })),
    obligations: parts.obligations.map((o) => presentObligation({ ...o, case_number: r.number }, parts.asOf)),
    attachments: parts.attachments.map((a) => ({
      id: a.id,
      fileName: a.file_name,
      contentType: a.content_type,
      size: Number(a.size),
      createdAt: a.created_at,
      url: `/api/v1/attachments/${a.id}`,
    })),
  };
}
