/** What other capabilities may use of cases: recording on a case and the case list. */

export { type CaseOfPeriod, casesOfPeriod, countCasesOfPeriod } from './exports.store.js';
export { type CaseFieldName, caseField } from './for-followups.store.js';
export { isCaseOfEstate } from './for-frontdesk.store.js';
export { listCases } from './reading/list-cases.js';
export {
  type CaseFigureFilter,
  type CasePeriod,
  caseNumbers,
  casesOfFigure,
  caseVolumeRows,
  complaintClosureRows,
  countCasesOccurred,
} from './report.store.js';
export { recordOnCase } from './timeline/record-on-case.js';
