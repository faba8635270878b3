import { z } from 'zod';
import { Id, Instant, PageQuery } from './common.js';
import { LocalDate } from './fee-basics.js';
import { FeeUnit, PaymentMethod } from './fee-counter.js';

/** Arrears, the fee summary and the cashier's day (R-FE-3, R-FE-4); the routes are listed in fee-counter.ts. */
const Text = (max: number) => z.string().trim().min(1).max(max);

export const AgeBand = z.enum(['d0_30', 'd31_90', 'd91_180', 'd181_plus']).describe('Days since the charge fell due');
export type AgeBand = z.infer<typeof AgeBand>;

export const AgeBands = z.object({
  d0_30: z.number().int(),
  d31_90: z.number().int(),
  d91_180: z.number().int(),
  d181_plus: z.number().int(),
});
export type AgeBands = z.infer<typeof AgeBands>;

export const FeeArrearsQuery = PageQuery.extend({
  asOf: LocalDate.optional().describe("Defaults to today in the estate's zone"),
  buildingId: Id.optional(),
  band: AgeBand.optional().describe('Only units owing something in this band'),
});

export const FeeArrearsUnit = z.object({
  unit: FeeUnit,
  total: z.number().int(),
  bands: AgeBands,
  oldestChargedOn: LocalDate,
});

export const FeeArrears = z
  .object({
    asOf: LocalDate,
    currency: z.string(),
    total: z.number().int(),
    bands: AgeBands,
    unitsInArrears: z.number().int(),
    items: z.array(FeeArrearsUnit).describe('Units owing, the largest total first'),
    page: z.number().int(),
    pageSize: z.number().int(),
  })
  .meta({ id: 'FeeArrears' });
export type FeeArrears = z.infer<typeof FeeArrears>;

export const FeeArrearsExportQuery = z.strictObject({ asOf: LocalDate.optional() });
export const FeeReminderQuery = z.strictObject({ asOf: LocalDate.optional() });

export const MethodTotals = z.object({
  cash: z.number().int(),
  card: z.number().int(),
  bank_transfer: z.number().int(),
  fps: z.number().int(),
  ewallet: z.number().int(),
});
export type MethodTotals = z.infer<typeof MethodTotals>;

export const FeeSummaryQuery = z.strictObject({ date: LocalDate.optional().describe("Defaults to today in the estate's zone") });

export const FeeSummary = z
  .object({
    date: LocalDate,
    currency: z.string(),
    takings: z.number().int().describe('Valid receipts of the day, less voids booked on it'),
    takingsByMethod: MethodTotals,
    receipts: z.number().int(),
    arrears: z.number().int(),
    arrearsByBand: AgeBands,
    unitsInArrears: z.number().int(),
  })
  .meta({ id: 'FeeSummary' });
export type FeeSummary = z.infer<typeof FeeSummary>;

export const CashierDayState = z.enum(['open', 'closed', 'checked']);
export type CashierDayState = z.infer<typeof CashierDayState>;

export const CashierDaySummary = z.object({
  id: Id,
  estateId: Id,
  cashierId: Id,
  cashierName: z.string(),
  date: LocalDate.describe("The cashier's working day in the estate's zone"),
  state: CashierDayState,
  total: z.number().int().describe('Receipts less voids booked on the day'),
  receipts: z.number().int(),
  voids: z.number().int(),
  openedAt: Instant,
  closedAt: Instant.nullable(),
  closedBy: Id.nullable(),
  checkedAt: Instant.nullable(),
  checkedBy: Id.nullable(),
  checkedByName: z.string().nullable(),
  closeNote: z.string().nullable(),
  checkNote: z.string().nullable(),
});
export type CashierDaySummary = z.infer<typeof CashierDaySummary>;

export const CashierDayReceipt = z.object({
  paymentId: Id,
  receiptNumber: z.string(),
  unit: FeeUnit,
  payer: z.string(),
  method: PaymentMethod,
  amount: z.number().int(),
  receivedAt: Instant,
  voided: z.boolean().describe('Voided later (the void is booked on the day that voided it)'),
});

export const CashierDayVoid = z.object({
  paymentId: Id,
  receiptNumber: z.string(),
  method: PaymentMethod,
  amount: z.number().int(),
  reason: z.string(),
  voidedAt: Instant,
  originalDayId: Id,
  originalDate: LocalDate.describe('A date before this day: a late correction of a closed day'),
});

export const CashierDay = CashierDaySummary.extend({
  currency: z.string(),
  byMethod: MethodTotals.describe('Receipts of the day less voids booked on it, per method'),
  receiptsInOrder: z.array(CashierDayReceipt).describe('In receipt number order'),
  voidsBooked: z.array(CashierDayVoid),
}).meta({ id: 'CashierDay' });
export type CashierDay = z.infer<typeof CashierDay>;

export const ListCashierDaysQuery = PageQuery.extend({
  date: LocalDate.optional(),
  cashierId: Id.optional(),
  state: CashierDayState.optional(),
});

export const CloseCashierDayBody = z.strictObject({
  note: Text(500).nullable().optional().describe('e.g. the cash counted'),
});

export const CheckCashierDayBody = z.strictObject({
  note: Text(500).nullable().optional(),
});
