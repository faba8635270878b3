/** What other capabilities may use of cases: recording on a case and the case list. */
export { listCases } from './reading/list-cases.js';
export { recordOnCase } from './timeline/record-on-case.js';
