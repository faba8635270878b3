import { DESK, definePolicy, EVERYONE, MANAGERS, OFFICE, RESIDENTS } from '../platform/abilities.js';

/**
 * Who may do what with follow-ups, rain, rectification notices and spot checks. The office
 * checks the repairer's work, so maintenance staff never record a follow-up; they receive
 * notices, acknowledge them and report them rectified (`notice.read.own`: the notices
 * addressed to them). The manager voids notices and runs the monthly spot check (R-FU-5). A
 * signed-in resident scores the visits of their own units' cases (R-PT-1).
 */
export const followUpPolicy = definePolicy({
  'followup.read': OFFICE,
  'followup.record': OFFICE,
  'followup.assign': DESK,
  'rain.read': EVERYONE,
  'rain.record': OFFICE,
  'notice.read': OFFICE,
  'notice.read.own': EVERYONE,
  'notice.issue': OFFICE,
  'notice.acknowledge': DESK,
  'notice.rectified': OFFICE,
  'notice.void': MANAGERS,
  'spotcheck.read': OFFICE,
  'spotcheck.draw': MANAGERS,
  'spotcheck.verdict': MANAGERS,
  'portal.followup.score': RESIDENTS,
});
