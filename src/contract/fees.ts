import { z } from 'zod';
import { Id, Instant, PageQuery } from './common.js';
import { LocalDate, MinorAmount } from './fee-basics.js';

export { LocalDate, MinorAmount } from './fee-basics.js';

/** R-FE-1: the fee items of an estate, each a rate in force over a period of days. */
const Text = (max: number) => z.string().trim().min(1).max(max);

export const FeeBasis = z
  .enum(['per_m2_month', 'per_unit_month', 'per_use', 'fixed'])
  .describe(
    'per_m2_month: the rate times the unit area each month; per_unit_month: the rate per unit each month; per_use: each time; fixed: once',
  );
export type FeeBasis = z.infer<typeof FeeBasis>;

export const FeeItemCode = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9-]{1,31}$/, '2 to 32 lower-case letters, digits or dashes')
  .describe('The item across its periods (one rate after the other): its periods never overlap');

export const FeeItem = z
  .object({
    id: Id,
    estateId: Id,
    code: FeeItemCode,
    name: z.string(),
    nameEn: z.string().nullable(),
    basis: FeeBasis,
    rate: MinorAmount,
    currency: z.string().describe('ISO 4217, the estate’s currency when the period was created'),
    effectiveFrom: LocalDate,
    effectiveTo: LocalDate.nullable().describe('The last day in force (inclusive); null: until further notice'),
    approvalRef: z.string().nullable().describe("e.g. the owners' committee resolution number"),
    notes: z.string().nullable(),
    retired: z.boolean(),
    retiredAt: Instant.nullable(),
    createdAt: Instant,
    updatedAt: Instant,
  })
  .meta({ id: 'FeeItem' });
export type FeeItem = z.infer<typeof FeeItem>;

export const CreateFeeItemBody = z.strictObject({
  code: FeeItemCode,
  name: Text(100),
  nameEn: Text(100).nullable().optional(),
  basis: FeeBasis,
  rate: MinorAmount,
  effectiveFrom: LocalDate,
  effectiveTo: LocalDate.nullable().optional().describe('The last day in force (inclusive)'),
  approvalRef: Text(100).nullable().optional(),
  notes: Text(500).nullable().optional(),
});

/** The rate and basis of a period do not change: a new rate is a new period (POST …/new-rate). */
export const UpdateFeeItemBody = z.strictObject({
  name: Text(100).optional(),
  nameEn: Text(100).nullable().optional(),
  effectiveFrom: LocalDate.optional(),
  effectiveTo: LocalDate.nullable().optional().describe('The last day in force (inclusive)'),
  approvalRef: Text(100).nullable().optional(),
  notes: Text(500).nullable().optional(),
});

export const NewFeeRateBody = z.strictObject({
  effectiveFrom: LocalDate.describe('The first day of the new rate; the current period ends the day before'),
  rate: MinorAmount,
  approvalRef: Text(100).nullable().optional(),
  notes: Text(500).nullable().optional(),
});

export const NewFeeRate = z
  .object({
    previous: FeeItem.describe('The period that ends the day before'),
    current: FeeItem.describe('The new period'),
  })
  .meta({ id: 'NewFeeRate' });
export type NewFeeRate = z.infer<typeof NewFeeRate>;

export const RetireFeeItemBody = z.strictObject({
  lastDay: LocalDate.describe('The last day the item is charged (inclusive)'),
});

export const ListFeeItemsQuery = PageQuery.extend({
  q: z.string().trim().max(100).optional().describe('Matches the name, the English name or the code'),
  basis: FeeBasis.optional(),
  inForceOn: LocalDate.optional().describe('Only the periods in force on this day'),
});

/** Fees at the counter (R-FE-2..4): the shapes and the routes are listed in fee-counter.ts. */
export * from './fee-counter.js';
export * from './fee-days.js';
