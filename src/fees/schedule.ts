import type { FeeItem } from '../contract/fees.js';
import type { AppContext } from '../platform/context.js';
import type { Trx } from '../platform/use-case.js';
import { presentFeeItem } from './present.js';
import { listFeeItemRows } from './store.js';

type Db = AppContext['db'] | Trx;

/** An estate keeps a few dozen fee items at most; the schedule reads them all. */
const SCHEDULE_LIMIT = 200;

/**
 * R-PB-1 / R-FE-1: the fee schedule in force on a day (YYYY-MM-DD in the estate's zone), each
 * item with the day its rate took effect, as the public page publishes it.
 */
export async function feeScheduleOn(db: Db, estateId: string, day: string): Promise<FeeItem[]> {
  const { rows } = await listFeeItemRows(db, estateId, { inForceOn: day }, { page: 1, pageSize: SCHEDULE_LIMIT });
  return rows.map(presentFeeItem);
}

/** How many minor units make one major unit of a currency (100 for HKD, 1 for JPY). */
export function minorUnitsPerMajor(currency: string): number {
  const digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  return 10 ** digits;
}
