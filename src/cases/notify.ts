import { notifyStaff as notice } from '../notices/index.js';
import type { AppContext } from '../platform/context.js';
import type { LiveEvent } from '../platform/live.js';
import type { UseCase } from '../platform/use-case.js';

const SUBJECTS: Record<'case.assigned' | 'case.escalated', string> = {
  'case.assigned': '個案已指派給您 / A case was assigned to you',
  'case.escalated': '個案已上報 / A case was escalated to you',
};

/**
 * Tells staff about a case (assignment, escalation): an in-app notice for each and an email to
 * those with an address, both written in the caller's transaction at its time; the words are the
 * case's description unless given. Returns the live events to publish once it commits.
 */
export async function notifyStaff(
  uc: Pick<UseCase, 'trx' | 'at'>,
  ctx: AppContext,
  row: { id: string; estate_id: string; number: string; description: string },
  opts: { staffIds: string[]; kind: 'case.assigned' | 'case.escalated'; text?: string; dedupeKey?: string },
): Promise<LiveEvent[]> {
  const text = opts.text ?? row.description;
  const staffIds = await notice(uc.trx, ctx, {
    estateId: row.estate_id,
    staffIds: opts.staffIds,
    kind: opts.kind,
    subjectType: 'case',
    subjectId: row.id,
    at: uc.at,
    data: { caseNumber: row.number, text: text.slice(0, 200) },
    email: {
      subject: `${SUBJECTS[opts.kind]}: ${row.number}`,
      body: `${row.number}\n\n${text}`,
      key: opts.dedupeKey ?? uc.at,
    },
  });
  return staffIds.length ? [{ estateId: row.estate_id, type: 'notice.created', subjectId: row.id, staffIds }] : [];
}
