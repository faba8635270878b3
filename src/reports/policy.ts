import { definePolicy, MANAGERS } from '../platform/abilities.js';

/**
 * Reports: the manager reads and exports the monthly service report of their estates, the
 * records behind each figure and the period exports, and may run the deadline sweep now; the
 * company's admins read every estate (the head office's comparison lists the estates the reader
 * may read).
 */
export const reportPolicy = definePolicy({
  'report.read': MANAGERS,
  'report.export': MANAGERS,
  'sweep.run': MANAGERS,
});
