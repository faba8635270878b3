import type { z } from 'zod';
import type { PortalFollowUp } from '../../contract/portal.js';
import type { Db } from '../shared.js';
import { type FollowUpRow, followUpsOfCase } from '../store/follow-ups.js';

/** A follow-up as its resident sees it (R-PT-1): when it is due, when it was made and how it went, and their own score. */
export function presentPortalFollowUp(r: FollowUpRow): z.infer<typeof PortalFollowUp> {
  return {
    id: r.id,
    // The portal's words for the visit: after the repair (R-FU-1), after rain (R-FU-2), after a rectification.
    kind: r.kind === 'repair' ? 'after_repair' : r.kind,
    dueAt: r.due_at,
    visitedAt: r.status === 'done' ? r.performed_at : null,
    outcome: r.status === 'done' ? r.result : null,
    residentScore: r.resident_score ?? null,
    residentComment: r.resident_comment ?? null,
    canScore: mayScore(r),
  };
}

/** R-PT-1: a resident scores a visit once it is recorded, and once. */
export function mayScore(r: { status: string; resident_score?: number | null }): boolean {
  return r.status === 'done' && (r.resident_score ?? null) === null;
}

/** The follow-ups of a case the resident's portal shows (the case's access is checked by its owner, cases). */
export async function portalFollowUpsOfCase(db: Db, estateId: string, caseId: string): Promise<z.infer<typeof PortalFollowUp>[]> {
  return (await followUpsOfCase(db, estateId, caseId)).map(presentPortalFollowUp);
}
