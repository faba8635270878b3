import { DESK, definePolicy, EVERYONE, MANAGERS, OFFICE, RESIDENTS } from '../platform/abilities.js';

/**
 * Who may do what with cases. The office reads every case of the estate; maintenance staff
 * read the cases whose repair they hold (`case.read.own`). Only the counter and the manager
 * record the resident's satisfaction and close a case (R-CP-3): the department that handled a
 * complaint does not judge its own work; only a manager closes one without satisfaction. A
 * signed-in resident reports, follows and answers the satisfaction question of the cases of their
 * own units through the portal (R-PT-1).
 */
export const casePolicy = definePolicy({
  'case.read': OFFICE,
  'case.read.own': EVERYONE,
  'case.create': OFFICE,
  'case.assign': OFFICE,
  'case.reply': OFFICE,
  'case.note': EVERYONE,
  'case.forward': OFFICE,
  'case.escalate': OFFICE,
  'case.resolve': OFFICE,
  'case.satisfaction': DESK,
  'case.close': DESK,
  'case.close.unsatisfied': MANAGERS,
  'case.reopen': DESK,
  'case.attach': EVERYONE,
  'repair.work': EVERYONE,
  'obligation.read': OFFICE,
  'view.manage': EVERYONE,
  'portal.case.read': RESIDENTS,
  'portal.case.create': RESIDENTS,
  'portal.case.satisfaction': RESIDENTS,
});
