import { unknownReference } from '../../platform/errors.js';
import type { Trx } from '../../platform/use-case.js';
import { findBuilding } from '../store.js';

/** The estate's building with this id; an unknown reference (naming the field) otherwise. */
export async function requireBuildingIn(trx: Trx, estateId: string, buildingId: string, field = 'buildingId') {
  const b = await findBuilding(trx, estateId, buildingId);
  if (!b) throw unknownReference(field);
  return b;
}
