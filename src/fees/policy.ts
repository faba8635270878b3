import { DESK, definePolicy, MANAGERS, OFFICE } from '../platform/abilities.js';

/**
 * Fees (R-FE-1..4): the counter reads the schedule to answer residents, takes payments, adds a
 * per-use charge and closes its own day; the manager sets the schedule, runs the month's
 * charges, voids a receipt and checks the cashiers' days; the office reads accounts and arrears.
 */
export const feePolicy = definePolicy({
  'fee.read': DESK,
  'fee.write': MANAGERS,
  'fee.account.read': OFFICE,
  'fee.collect': DESK,
  'fee.charge': MANAGERS,
  'fee.charge.oneoff': DESK,
  'fee.void': MANAGERS,
  'fee.day.close': DESK,
  'fee.day.check': MANAGERS,
  'fee.arrears.read': OFFICE,
});
