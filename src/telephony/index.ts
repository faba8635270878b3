/** What other capabilities may use of the phone system: the answer-time figures the reports read (R-PH-5). */
export type { PhoneFigure } from './records/answer-groups.js';
export { isPhoneFigure, pbxCallsOfFigure, phoneFigures } from './records/phone-figures.js';
