/** Gap-free numbers per estate and period (case numbers, notice numbers). */
export { nextNumber } from './counters.store.js';
