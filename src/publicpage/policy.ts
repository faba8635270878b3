import { DESK, definePolicy, MANAGERS, RESIDENTS } from '../platform/abilities.js';

/**
 * The estate's public page (R-PB-1): the desk reads it to answer residents; the manager writes and
 * publishes it. A signed-in resident reads its announcements and fees on the portal's notice board.
 */
export const publicPagePolicy = definePolicy({
  'publicpage.read': DESK,
  'publicpage.write': MANAGERS,
  'publicpage.publish': MANAGERS,
  'portal.notice.read': RESIDENTS,
});
