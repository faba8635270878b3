import { unknownReference } from '../../platform/errors.js';
import type { Trx } from '../../platform/use-case.js';
import { replaceResidentUnits } from '../residents.store.js';
import { unitIdsInEstate } from '../store.js';

/** Makes these units of the estate the resident's; a unit not of the estate is an unknown reference naming its place in the list. */
export async function linkUnits(trx: Trx, estateId: string, residentId: string, unitIds: string[]) {
  const unique = [...new Set(unitIds)];
  const found = await unitIdsInEstate(trx, estateId, unique);
  unitIds.forEach((id, i) => {
    if (!found.has(id)) throw unknownReference(`unitIds.${i}`);
  });
  await replaceResidentUnits(trx, estateId, residentId, unique);
}
