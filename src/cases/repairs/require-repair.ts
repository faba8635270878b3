import { caseError } from '../access.js';

/** Work orders are for open repair cases only. */
export function requireOpenRepair(row: { kind: string; status: string }): void {
  if (row.kind !== 'repair') throw caseError('case.not_a_repair', 'only repair cases have work orders');
  if (row.status === 'closed') throw caseError('case.closed', 'the case is closed; reopen it first');
}
