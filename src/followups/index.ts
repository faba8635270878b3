/**
 * What other capabilities may use of follow-ups: the read model the reports read (what is
 * pending, unacknowledged notices, the month's spot check) and the calendar rules they are
 * counted by, and the follow-ups of a case as its resident sees them on the portal. Follow-ups start from the cases' `repairCompleted` event and tell others through
 * live events and the case's timeline.
 */
export { portalFollowUpsOfCase } from './portal/portal-follow-ups.js';
export { dayBounds, monthBounds, NOTICE_RULE, noticeCode, previousMonth, RECTIFY_RULE, spotCheckDueAt } from './rules.js';
export {
  countFollowUpsOfPeriod,
  countNoticesOfPeriod,
  type FollowUpOfPeriod,
  followUpsOfPeriod,
  type NoticeOfPeriod,
  noticesOfPeriod,
} from './store/exports.js';
export { pendingFollowUps } from './store/follow-ups.js';
export { countUnacknowledged } from './store/notices.js';
export {
  type FollowUpFigureFilter,
  type FollowUpPeriod,
  type FollowUpRecord,
  followUpRecordsOfFigure,
  followUpResultRows,
  followUpSubjects,
  noticeAcknowledgements,
  spotCheckVerdictRows,
} from './store/report.js';
export { spotCheckOfMonth } from './store/spot-checks.js';
