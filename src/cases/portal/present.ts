import type { z } from 'zod';
import type { Attachment } from '../../contract/cases.js';
import type { PortalCaseDetail, PortalCaseEvent, PortalCaseSummary, PortalFollowUp } from '../../contract/portal.js';
import type { CaseJoinRow } from '../store.js';
import type { AttachmentTable } from '../tables.js';

/** Rows → what a resident sees of their cases (R-PT-1): their words, replies, the repair, the result; nothing internal. */

type Summary = z.infer<typeof PortalCaseSummary>;
type Detail = z.infer<typeof PortalCaseDetail>;
type PortalEvent = z.infer<typeof PortalCaseEvent>;

/** The portal's address of a photo of a case. */
export function portalPhotoUrl(a: { estateId: string; caseId: string; id: string }): string {
  return `/api/v1/estates/${a.estateId}/portal/cases/${a.caseId}/attachments/${a.id}`;
}

/** R-CP-3: a complaint with its handling result recorded waits for the resident's answer until closed. */
export function awaitsSatisfaction(r: { kind: string; status: string; result: string | null; satisfaction: string | null }): boolean {
  return r.kind === 'complaint' && r.status !== 'closed' && r.result !== null && (r.satisfaction === null || r.status === 'resolved');
}

export function presentPortalCase(r: CaseJoinRow): Summary {
  return {
    id: r.id,
    number: r.number,
    kind: r.kind as Summary['kind'],
    channel: r.channel as Summary['channel'],
    status: r.status as Summary['status'],
    unit:
      r.unit_id && r.unit_number
        ? {
            id: r.unit_id,
            label: `${r.building_name ?? ''} ${r.unit_number}`.trim(),
            building: r.building_name ?? '',
            number: r.unit_number,
          }
        : null,
    description: r.description,
    repairClass: r.repair_class as Summary['repairClass'],
    recordedAt: r.recorded_at,
    updatedAt: r.updated_at,
    satisfaction: r.satisfaction as Summary['satisfaction'],
    awaitingSatisfaction: awaitsSatisfaction(r),
  };
}

type EventRow = { id: string; type: string; at: string; text: string | null; data: string };

/**
 * The timeline entries a resident is shown, and what of each: replies' words and how they were
 * given, the repair's start and completion, the result, their satisfaction, the closing. Notes,
 * assignments, forwarding and escalations stay with the office, and so do who did what and the
 * staff's own data on an entry (materials, phrase-guide findings, reasons to close without them).
 */
const SHOWN: Record<string, { type: PortalEvent['type']; text: boolean; data: string[] }> = {
  recorded: { type: 'recorded', text: true, data: ['channel', 'kind'] },
  reply: { type: 'reply', text: true, data: ['method'] },
  repair_appointment: { type: 'repair_appointment', text: false, data: ['at'] },
  repair_started: { type: 'repair_started', text: false, data: [] },
  repair_completed: { type: 'repair_completed', text: true, data: [] },
  resolved: { type: 'resolved', text: true, data: [] },
  satisfaction: { type: 'satisfaction', text: true, data: ['satisfaction'] },
  closed: { type: 'closed', text: false, data: [] },
  reopened: { type: 'reopened', text: false, data: [] },
  follow_up: { type: 'follow_up', text: false, data: ['followUpId', 'kind', 'method', 'result'] },
};

export function presentPortalEvents(events: EventRow[]): PortalEvent[] {
  const out: PortalEvent[] = [];
  for (const e of events) {
    const shown = SHOWN[e.type];
    if (!shown) continue;
    const data = JSON.parse(e.data) as Record<string, unknown>;
    out.push({
      id: e.id,
      type: shown.type,
      at: e.at,
      text: shown.text ? e.text : null,
      data: Object.fromEntries(shown.data.filter((k) => k in data).map((k) => [k, data[k]])),
    });
  }
  return out;
}

export function presentPortalAttachment(a: AttachmentTable): z.infer<typeof Attachment> {
  return {
    id: a.id,
    fileName: a.file_name,
    contentType: a.content_type,
    size: Number(a.size),
    createdAt: a.created_at,
    url: portalPhotoUrl({ estateId: a.estate_id, caseId: a.case_id, id: a.id }),
  };
}

export function presentPortalDetail(
  r: CaseJoinRow,
  parts: { events: EventRow[]; attachments: AttachmentTable[]; followUps: z.infer<typeof PortalFollowUp>[] },
): Detail {
  return {
    ...presentPortalCase(r),
    result: r.result,
    closedAt: r.closed_at,
    timeline: presentPortalEvents(parts.events),
    followUps: parts.followUps,
    attachments: parts.attachments.map(presentPortalAttachment),
  };
}
