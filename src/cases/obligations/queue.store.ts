import { staffName } from '../../directory/index.js';
import type { queueQuery } from '../../platform/obligations/index.js';
import '../tables.js';

/**
 * A page of a deadline queue, with the name of whom each was escalated to and, for a case's
 * deadlines, the case's number.
 */
export async function queuePage(base: ReturnType<typeof queueQuery>, page: { page: number; pageSize: number; caseSubject: string }) {
  return base
    .leftJoin('cases', (j) => j.onRef('cases.id', '=', 'obligations.subject_id').on('obligations.subject_type', '=', page.caseSubject))
    .selectAll('obligations')
    .select((e) => [staffName(e.ref('obligations.escalated_to')).as('escalated_name'), 'cases.number as case_number'])
    .orderBy('obligations.due_at')
    .orderBy('obligations.id')
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize)
    .execute();
}
