import { estateSettings } from '../../directory/index.js';
import { meetObligations, openObligation } from '../../platform/obligations/index.js';
import type { UseCase } from '../../platform/use-case.js';
import { CASE_SUBJECT } from '../access.js';
import { CONTACT_RULE, contactDueAt, keepsContactClock } from './rules.js';

export interface ContactCase {
  id: string;
  estate_id: string;
  kind: string;
  status: string;
  first_reply_at: string | null;
  department_id: string | null;
  assignee_id: string | null;
}

/**
 * R-CP-5: the office was in touch with the resident at `at` (a reply, a progress message):
 * the open contact obligation is met, and an open complaint already replied to gets the next
 * one, due the estate's interval later. Closing the case cancels it with the case's others.
 */
export async function contactMade(uc: Pick<UseCase, 'trx'>, row: ContactCase, at: string, actorId: string | null): Promise<void> {
  await meetObligations(uc.trx, { subjectType: CASE_SUBJECT, subjectId: row.id, rule: CONTACT_RULE, metAt: at, metBy: actorId });
  if (!keepsContactClock({ kind: row.kind, status: row.status, firstReplyAt: row.first_reply_at })) return;
  const { policy } = await estateSettings(uc.trx, row.estate_id);
  await openObligation(uc.trx, {
    estateId: row.estate_id,
    rule: CONTACT_RULE,
    subjectType: CASE_SUBJECT,
    subjectId: row.id,
    ownerId: row.assignee_id,
    departmentId: row.department_id,
    openedAt: at,
    dueAt: contactDueAt(new Date(at), policy).toISOString(),
  });
}
