import type { Transaction } from 'kysely';
import { notifyStaff as notice } from '../notices/index.js';
import type { AppContext } from '../platform/context.js';
import type { Database } from '../platform/db/schema.js';
import type { LiveEvent } from '../platform/live.js';

const SUBJECTS: Record<'case.assigned' | 'case.escalated', string> = {
  'case.assigned': '個案已指派給您 / A case was assigned to you',
  'case.escalated': '個案已上報 / A case was escalated to you',
};

/**
 * Tells staff about a case (assignment, escalation): an in-app notice for each and an email to
 * those with an address, both written in the caller's transaction; returns the live events to
 * publish once it commits.
 */
export async function notifyStaff(
  trx: Transaction<Database>,
  ctx: AppContext,
  opts: {
    estateId: string;
    staffIds: string[];
    kind: 'case.assigned' | 'case.escalated';
    caseId: string;
    caseNumber: string;
    at: string;
    text: string;
    dedupeKey?: string;
  },
): Promise<LiveEvent[]> {
  const staffIds = await notice(trx, ctx, {
    estateId: opts.estateId,
    staffIds: opts.staffIds,
    kind: opts.kind,
    subjectType: 'case',
    subjectId: opts.caseId,
    at: opts.at,
    data: { caseNumber: opts.caseNumber, text: opts.text.slice(0, 200) },
    email: {
      subject: `${SUBJECTS[opts.kind]}: ${opts.caseNumber}`,
      body: `${opts.caseNumber}\n\n${opts.text}`,
      key: opts.dedupeKey ?? opts.at,
    },
  });
  return staffIds.length ? [{ estateId: opts.estateId, type: 'notice.created', subjectId: opts.caseId, staffIds }] : [];
}
