/** What other capabilities may use of the front desk: the counts the reports read; the call-back a missed PBX call becomes. */

export { takeMissedCallMessage } from './messages/missed-call-message.js';
export { callLogsBetween, countCalls } from './store/calls.js';
export {
  type CallOfPeriod,
  callsOfPeriod,
  countCallsOfPeriod,
  countVisitsOfPeriod,
  type VisitOfPeriod,
  visitsOfPeriod,
} from './store/exports.js';
export { countOpenMessages } from './store/messages.js';
export {
  type DeskFigure,
  type DeskPeriod,
  type DeskRecord,
  deskCounts,
  deskRecordsOfFigure,
  deskSubjects,
  visitWaits,
} from './store/report.js';
export { countArrivals, countWaiting, receptionsSince } from './store/visits.js';
