/** What other capabilities may use of cases: recording on a case and the case list. */
export { listCases, recordOnCase } from './service.js';
