import type { Expression } from 'kysely';
import { unitBuildingName, unitField } from '../../directory/index.js';

/**
 * The unit beside a desk record, as the directory shows it, under the column names
 * `presentJoinedUnit` reads (the record's own `unit_id` names the unit).
 */
export function unitShown(unitId: Expression<string | null>) {
  return [
    unitField(unitId, 'building_id').as('building_id'),
    unitBuildingName(unitId).as('building_name'),
    unitField(unitId, 'number').as('unit_number'),
    unitField(unitId, 'floor').as('unit_floor'),
    unitField(unitId, 'area_m2').as('unit_area_m2'),
  ] as const;
}
