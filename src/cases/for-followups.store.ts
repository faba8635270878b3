import { type Expression, expressionBuilder } from 'kysely';
import type { Database } from '../platform/db/schema.js';
import './tables.js';

/**
 * A case as follow-ups show it beside their own records: one field by the case's id, as a
 * subquery (`caseField(e.ref('followups.case_id'), 'number')`), so that only cases names its table.
 */
const eb = expressionBuilder<Database, never>();

export type CaseFieldName =
  | 'number'
  | 'description'
  | 'resident_name'
  | 'resident_phone'
  | 'resident_id'
  | 'unit_id'
  | 'maintenance_id'
  | 'repair_class';

/** One field of a case, by id. */
export function caseField<F extends CaseFieldName>(id: Expression<string | null>, field: F) {
  return eb
    .selectFrom('cases')
    .select(`cases.${field}` as `cases.${F}`)
    .where('cases.id', '=', id);
}
