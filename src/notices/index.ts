/** What other capabilities may use of staff notices: telling a colleague on their screen. */
export { notifyStaff, publishNotices, type StaffNotice } from './notify.js';
