/** Gap-free numbers per estate and period (case numbers, notice numbers). */
export { lastNumber, nextNumber } from './counters.store.js';
