import { DESK, definePolicy, MANAGERS } from '../platform/abilities.js';

/** Fee items (R-FE-1): the counter reads the schedule to answer residents; the manager sets it. */
export const feePolicy = definePolicy({
  'fee.read': DESK,
  'fee.write': MANAGERS,
});
