import { z } from 'zod';

/** Shapes every fee contract uses: days of the estate and amounts in minor units. */

/** A day as the office writes it on a fee schedule, in the estate's zone. */
export { LocalDate } from './common.js';

/** An amount in minor units of the currency (285 = HK$2.85). */
export const MinorAmount = z
  .number()
  .int('a whole number of minor units (cents)')
  .min(0, 'not negative')
  .max(1_000_000_000)
  .describe('Integer minor units of the currency, e.g. 285 = 2.85');
