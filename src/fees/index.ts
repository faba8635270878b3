/**
 * What the server uses of fee items (R-FE-1): the demo estate's fee schedule, loaded with the
 * demo estate, and the schedule in force on a day (the public page publishes it, R-PB-1).
 * Charges and receipts (R-FE-2..4) will read the items in force from here.
 */

export { arrearsOf } from './accounts/arrears-of.js';
export { insertDemoFees, loadDemoFees } from './demo.js';
export { countPaymentsOfPeriod, type PaymentOfPeriod, paymentsOfPeriod } from './exports.store.js';
export { type FeePeriod, feeTakings, receiptsOfFigure } from './report.store.js';
export { feeScheduleOn, minorUnitsPerMajor } from './schedule.js';
