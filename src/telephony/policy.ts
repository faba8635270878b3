import { DESK, definePolicy, MANAGERS } from '../platform/abilities.js';

/**
 * The phone system (R-PH-5): the desk sees the calls the PBX reports (who is ringing, what was
 * missed, what is not logged yet) and the answer times; the manager sets the PBX up (secret,
 * extensions, the CSV mapping) and imports its call records.
 */
export const telephonyPolicy = definePolicy({
  'pbx.read': DESK,
  'pbx.manage': MANAGERS,
});
