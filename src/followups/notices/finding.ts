import type { z } from 'zod';
import type { IssueNoticeBody } from '../../contract/followups.js';
import { unknownReference } from '../../platform/errors.js';
import { FOLLOW_UP, refuse, SPOT_ITEM, type Trx } from '../shared.js';
import { findFollowUp } from '../store/follow-ups.js';
import { spotCheckItemFinding } from '../store/spot-checks.js';

/** R-RC-1: what a notice is issued for: a follow-up that found a problem, or a spot-check item that did. */
export async function findingOf(trx: Trx, estateId: string, b: z.infer<typeof IssueNoticeBody>) {
  if (b.followUpId) {
    const f = await findFollowUp(trx, b.followUpId);
    if (!f || f.estate_id !== estateId) throw unknownReference('followUpId');
    if (f.result !== 'problem' || !f.performed_at)
      throw refuse('notice.no_problem_found', 'R-RC-1: a notice follows a follow-up whose result is a problem', { field: 'followUpId' });
    return {
      subjectType: FOLLOW_UP,
      subjectId: f.id,
      caseId: f.case_id,
      unitId: f.unit_id,
      maintenanceId: f.maintenance_id,
      at: f.performed_at,
      problem: f.problem,
    };
  }
  const item = await spotCheckItemFinding(trx, b.spotCheckItemId ?? '');
  if (!item || item.estate_id !== estateId) throw unknownReference('spotCheckItemId');
  if (!item.verdict_at || (item.verdict !== 'discrepancy' && !item.problem_found))
    throw refuse('notice.no_problem_found', 'R-RC-1: a notice follows a spot check that found a discrepancy or a problem', {
      field: 'spotCheckItemId',
    });
  return {
    subjectType: SPOT_ITEM,
    subjectId: item.id,
    caseId: item.case_id,
    unitId: item.unit_id,
    maintenanceId: item.maintenance_id,
    at: item.verdict_at,
    problem: item.note,
  };
}
