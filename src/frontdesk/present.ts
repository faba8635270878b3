import type { EstatePolicy } from '../contract/directory.js';
import type { Message, Visit } from '../contract/frontdesk.js';
import { presentJoinedUnit } from '../directory/index.js';
import { obligationState } from '../platform/obligations/index.js';
import { waitLimitAt } from './rules.js';
import type { CallRow } from './store/calls.js';
import type { MessageRow } from './store/messages.js';
import type { VisitRow } from './store/visits.js';

/** Rows → API shapes of the front desk. */
export function presentCall(r: CallRow) {
  return {
    id: r.id,
    estateId: r.estate_id,
    startedAt: r.started_at,
    durationSeconds: r.duration_seconds === null ? null : Number(r.duration_seconds),
    callerName: r.caller_name,
    callerPhone: r.caller_phone,
    unit: presentJoinedUnit(r),
    residentId: r.resident_id,
    purpose: r.purpose as 'inquiry',
    outcome: r.outcome as 'answered',
    askedFor: r.asked_for_id ? { id: r.asked_for_id, name: r.asked_name ?? '' } : null,
    answeredBy: { id: r.answered_by, name: r.answerer_name ?? '' },
    note: r.note,
    caseId: r.case_id,
    messageId: r.message_id,
  };
}

export function presentMessage(r: MessageRow, asOf: Date): Message {
  return {
    id: r.id,
    estateId: r.estate_id,
    takenAt: r.taken_at,
    callerName: r.caller_name,
    callerPhone: r.caller_phone,
    unit: presentJoinedUnit(r),
    text: r.text,
    for: { id: r.for_id, name: r.for_name ?? '' },
    takenBy: { id: r.taken_by, name: r.taker_name ?? '' },
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

export function presentVisit(r: VisitRow, policy: EstatePolicy, asOf: Date): Visit {
  const limit = waitLimitAt(r.arrived_at, policy);
  return {
    id: r.id,
    estateId: r.estate_id,
    status: r.status as Visit['status'],
    arrivedAt: r.arrived_at,
    visitorName: r.visitor_name,
    unit: presentJoinedUnit(r),
    residentId: r.resident_id,
    visitorTitle: (r.visitor_title ?? null) as Visit['visitorTitle'],
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
