import { DESK, definePolicy, MANAGERS } from '../platform/abilities.js';

/** The estate's public page (R-PB-1): the desk reads it to answer residents; the manager writes and publishes it. */
export const publicPagePolicy = definePolicy({
  'publicpage.read': DESK,
  'publicpage.write': MANAGERS,
  'publicpage.publish': MANAGERS,
});
