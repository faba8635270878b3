/**
 * What other capabilities may use of the directory: an estate's settings and policy, the people
 * and places in an estate, and the unit as other records show it.
 */
export { estateSettings, presentJoinedUnit } from './service.js';
export { findEstate, likePattern } from './store.js';
