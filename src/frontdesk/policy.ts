import { DESK, definePolicy, EVERYONE, MANAGERS, OFFICE } from '../platform/abilities.js';

/**
 * Who may do what at the front desk. Anyone answers a phone with the right greeting and reads
 * the messages left for them; the caller lookup shows residents' phones, so it is the
 * office's; the manager rewords the plan's scripts for the estate.
 */
export const frontDeskPolicy = definePolicy({
  'desk.greet': EVERYONE,
  'desk.script.read': EVERYONE,
  'desk.script.write': MANAGERS,
  'desk.summary': OFFICE,
  'caller.lookup': OFFICE,
  'call.read': OFFICE,
  'call.log': OFFICE,
  'message.read': DESK,
  'message.read.own': EVERYONE,
  'message.take': OFFICE,
  'message.handle': DESK,
  'visit.read': OFFICE,
  'visit.record': OFFICE,
});
