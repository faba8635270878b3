import { z } from 'zod';
import { Id, Instant, PageQuery } from './common.js';
import { LocalDate, MinorAmount } from './fee-basics.js';

const Text = (max: number) => z.string().trim().min(1).max(max);

/* ------------------------------------------------------------------------------------------ *
 * Fees at the counter (R-FE-2..4, R-RD-1): charges, payments and receipts, voids, arrears,
 * statements and the cashier's day. Every amount is integer minor units of the estate's
 * currency. Routes (all under /api/v1; ability in brackets):
 *
 * Charges (R-FE-3)
 *   GET  /estates/{estateId}/fee-charge-runs/preview?period=YYYY-MM   [fee.charge]
 *        → FeeChargeRunPreview: units, charges the run would create, their total, already charged
 *   POST /estates/{estateId}/fee-charge-runs  body StartFeeChargeRunBody   [fee.charge]
 *        → 201 FeeChargeRun, done when answered (its batches commit as they go: poll GET …/{id}
 *          meanwhile); running a month again creates only what is missing (chargesCreated 0 when
 *          nothing is); a run cut short is resumed; 422 fee.run_busy while another runs
 *   GET  /estates/{estateId}/fee-charge-runs?period   [fee.charge]  → page of FeeChargeRun
 *   GET  /estates/{estateId}/fee-charge-runs/{feeChargeRunId}   [fee.charge]  → FeeChargeRun (progress)
 *   POST /estates/{estateId}/fee-charges  body CreateFeeChargeBody   [fee.charge.oneoff]
 *        → 201 FeeCharge. The counter (fee.charge.oneoff) charges per-use items; a fixed item,
 *          an amount of its own (a paid repair) or a case reference needs fee.charge (managers),
 *          else 422 fee.needs_manager naming the field; a monthly item → 422 fee.monthly_item
 *   GET  /estates/{estateId}/fee-charges?unitId&period&feeItemCode   [fee.account.read] → page of FeeCharge
 *
 * A unit's account (the unit is found with GET /estates/{estateId}/unit-lookup)
 *   GET  /estates/{estateId}/fee-accounts/{unitId}   [fee.account.read]
 *        → FeeAccount: what the unit owes, oldest first, its balance and its latest receipts
 *   GET  /estates/{estateId}/fee-accounts/{unitId}/statement?from=YYYY-MM&to=YYYY-MM   [fee.account.read]
 *        → FeeStatement: charges, payments and voids of the months, opening and closing balance
 *   GET  /estates/{estateId}/fee-accounts/{unitId}/statement/xlsx?from&to   [fee.account.read] → XLSX file
 *   GET  /estates/{estateId}/fee-accounts/{unitId}/reminder/pdf?asOf=YYYY-MM-DD   [fee.arrears.read]
 *        → PDF: the reminder letter to a unit in arrears (A4, Chinese)
 *
 * Payments and receipts (R-FE-2, R-FE-3)
 *   POST /estates/{estateId}/fee-payments  body TakeFeePaymentBody, header Idempotency-Key   [fee.collect]
 *        → 201 FeePayment (the receipt, its number gap-free per estate and year); the same
 *          Idempotency-Key again → 200 with the same receipt; over what is owed → 422
 *          fee.overpaid; a chosen allocation over a charge's outstanding → 422 fee.over_allocated
 *   GET  /estates/{estateId}/fee-payments?unitId&cashierDayId&from&to&q   [fee.account.read] → page of FeePayment
 *   GET  /estates/{estateId}/fee-payments/{feePaymentId}   [fee.account.read] → FeePayment
 *   GET  /estates/{estateId}/fee-payments/{feePaymentId}/pdf   [fee.account.read]
 *        → PDF, one A5 page; stamped VOID when voided
 *   POST /estates/{estateId}/fee-payments/{feePaymentId}/void  body VoidFeePaymentBody   [fee.void]
 *        → FeePayment (voided; its number kept, its allocations no longer count); 422 fee.already_void
 *
 * Arrears (R-FE-3)
 *   GET  /estates/{estateId}/fee-arrears?asOf=YYYY-MM-DD&buildingId&minAmount   [fee.arrears.read] → FeeArrears
 *   GET  /estates/{estateId}/fee-arrears/xlsx?asOf   [fee.arrears.read] → XLSX file
 *   GET  /estates/{estateId}/fee-summary?date=YYYY-MM-DD   [fee.account.read]
 *        → FeeSummary: the day's takings by method, arrears by age band (for the dashboard)
 *
 * The cashier's day (R-FE-4)
 *   GET  /estates/{estateId}/cashier-days?date&cashierId&state   [fee.account.read] → page of CashierDaySummary
 *   GET  /estates/{estateId}/cashier-days/mine   [fee.collect]
 *        → CashierDay | null: the signed-in cashier's open day today (opened by the first payment)
 *   GET  /estates/{estateId}/cashier-days/{cashierDayId}   [fee.account.read]
 *        → CashierDay: takings by method and the receipts in number order (frozen once closed)
 *   POST /estates/{estateId}/cashier-days/{cashierDayId}/close  body CloseCashierDayBody   [fee.day.close]
 *        → CashierDay (closed, its totals frozen; only its own cashier or a manager, else 422
 *          fee.not_your_day); closing a closed day answers it unchanged
 *   POST /estates/{estateId}/cashier-days/{cashierDayId}/check  body CheckCashierDayBody   [fee.day.check]
 *        → CashierDay (checked); 422 fee.day_not_closed when still open
 * ------------------------------------------------------------------------------------------ */

/** A month of charges, YYYY-MM. */
export const FeePeriod = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month, YYYY-MM')
  .describe('A month, YYYY-MM');

export const PaymentMethod = z
  .enum(['cash', 'card', 'bank_transfer', 'fps', 'ewallet'])
  .describe('cash; card (EPS, credit card); bank_transfer (deposit, cheque); fps (轉數快); ewallet (Octopus, AlipayHK, WeChat Pay HK)');
export type PaymentMethod = z.infer<typeof PaymentMethod>;

/** The unit a money record is for, as the desk names it. */
export const FeeUnit = z.object({
  id: Id,
  buildingName: z.string(),
  number: z.string(),
  areaM2: z.number().nullable(),
});
export type FeeUnit = z.infer<typeof FeeUnit>;

export const FeeChargeSource = z
  .enum(['run', 'one_off'])
  .describe('run: the monthly charge run of a period; one_off: a per-use or other charge added by hand');

export const FeeCharge = z
  .object({
    id: Id,
    estateId: Id,
    unit: FeeUnit,
    feeItemId: Id.nullable().describe('The period of the fee item charged; null for an amount of its own'),
    feeItemCode: z.string().nullable(),
    description: z.string().describe('What the charge is for, as the receipt and the statement print it'),
    source: FeeChargeSource,
    period: FeePeriod.nullable().describe('The month charged (run charges); null for a one-off'),
    chargedOn: LocalDate.describe('The day the charge falls due; arrears age from it'),
    quantity: z.number().int(),
    amount: MinorAmount,
    currency: z.string(),
    outstanding: z.number().int().describe('amount minus the allocations of valid (not voided) payments'),
    caseId: Id.nullable().describe('The work order of a paid repair'),
    runId: Id.nullable(),
    createdBy: Id.nullable(),
    createdAt: Instant,
  })
  .meta({ id: 'FeeCharge' });
export type FeeCharge = z.infer<typeof FeeCharge>;

export const CreateFeeChargeBody = z.strictObject({
  unitId: Id,
  feeItemId: Id.optional().describe('The fee item (per use or fixed) in force on chargedOn; its rate × quantity is the amount'),
  quantity: z.number().int().min(1).max(1000).default(1),
  amount: MinorAmount.optional().describe('An amount of its own (a paid repair): managers only; needs description'),
  description: Text(200).optional().describe("Defaults to the fee item's name"),
  chargedOn: LocalDate.optional().describe("Defaults to today in the estate's zone"),
  caseId: Id.optional().describe('The work order of a paid repair'),
});

export const ListFeeChargesQuery = PageQuery.extend({
  unitId: Id.optional(),
  period: FeePeriod.optional(),
  feeItemCode: z.string().trim().max(32).optional(),
  outstanding: z.enum(['true', 'false']).optional().describe('true: only charges with something still owed'),
});

export const StartFeeChargeRunBody = z.strictObject({
  period: FeePeriod.describe('The month to charge'),
});

export const FeeChargeRunQuery = z.strictObject({ period: FeePeriod });

export const FeeChargeRunState = z.enum(['running', 'done']);

export const FeeChargeRun = z
  .object({
    id: Id,
    estateId: Id,
    period: FeePeriod,
    state: FeeChargeRunState,
    totalUnits: z.number().int(),
    processedUnits: z.number().int().describe('Units done so far; a screen polls until state is done'),
    chargesCreated: z.number().int(),
    amountCreated: z.number().int(),
    currency: z.string(),
    startedBy: Id.nullable(),
    startedAt: Instant,
    finishedAt: Instant.nullable(),
  })
  .meta({ id: 'FeeChargeRun' });
export type FeeChargeRun = z.infer<typeof FeeChargeRun>;

export const ListFeeChargeRunsQuery = PageQuery.extend({ period: FeePeriod.optional() });

export const FeeChargePreviewLine = z.object({
  unit: FeeUnit,
  feeItemId: Id,
  feeItemCode: z.string(),
  description: z.string(),
  amount: z.number().int(),
  alreadyCharged: z.boolean().describe('true: this period already has this charge; a run creates nothing for it'),
  note: z.string().nullable().describe('e.g. unit without area for a per-m² item: not charged'),
});

export const FeeChargeRunPreview = z
  .object({
    period: FeePeriod,
    currency: z.string(),
    units: z.number().int().describe('Units of the estate'),
    toCreate: z.number().int().describe('Charges a run would create now'),
    toCreateAmount: z.number().int(),
    alreadyCharged: z.number().int().describe('Charges of the period that exist already'),
    alreadyChargedAmount: z.number().int(),
    skipped: z.number().int().describe('Unit and item pairs not charged (a per-m² item and a unit without area)'),
    lines: z.array(FeeChargePreviewLine).describe('Up to 500 lines, units in building and number order'),
  })
  .meta({ id: 'FeeChargeRunPreview' });
export type FeeChargeRunPreview = z.infer<typeof FeeChargeRunPreview>;

export const FeeAllocation = z.object({
  chargeId: Id,
  description: z.string(),
  period: FeePeriod.nullable(),
  chargedOn: LocalDate,
  amount: z.number().int(),
});
export type FeeAllocation = z.infer<typeof FeeAllocation>;

export const FeePaymentVoid = z.object({
  reason: z.string(),
  voidedBy: Id,
  voidedByName: z.string(),
  voidedAt: Instant,
  cashierDayId: Id.describe('The open day the void is booked on'),
  originalDayId: Id.describe('The day of the receipt; differs when that day was closed (a late correction)'),
});

export const FeePayment = z
  .object({
    id: Id,
    estateId: Id,
    estateName: z.string(),
    unit: FeeUnit,
    receiptNumber: z.string().describe('YYYY-NNNN, gap-free per estate and year'),
    receiptYear: z.number().int(),
    receiptSeq: z.number().int(),
    payer: z.string(),
    method: PaymentMethod,
    amount: MinorAmount,
    currency: z.string(),
    amountInWords: z.string().describe('The amount in Chinese capital numerals (capitalAmount)'),
    reference: z.string().nullable().describe('Card slip, transfer or FPS reference'),
    note: z.string().nullable(),
    cashierId: Id,
    cashierName: z.string(),
    cashierDayId: Id,
    receivedAt: Instant,
    allocations: z.array(FeeAllocation),
    voided: z.boolean(),
    void: FeePaymentVoid.nullable(),
  })
  .meta({ id: 'FeePayment' });
export type FeePayment = z.infer<typeof FeePayment>;

export const FeeAllocationChoice = z.strictObject({
  chargeId: Id,
  amount: MinorAmount.min(1, 'at least 1'),
});

export const TakeFeePaymentBody = z.strictObject({
  unitId: Id,
  payer: Text(100).describe('Who paid, as the receipt names them'),
  method: PaymentMethod,
  amount: MinorAmount.min(1, 'at least 1'),
  reference: Text(100).nullable().optional(),
  note: Text(500).nullable().optional(),
  allocations: z
    .array(FeeAllocationChoice)
    .min(1)
    .max(200)
    .optional()
    .describe('The charges the cashier chose, summing to amount; without it the oldest charges are paid first (R-FE-3)'),
});

export const ListFeePaymentsQuery = PageQuery.extend({
  unitId: Id.optional(),
  cashierDayId: Id.optional(),
  from: LocalDate.optional().describe("First day received (estate's zone)"),
  to: LocalDate.optional().describe('Last day received (inclusive)'),
  q: z.string().trim().max(100).optional().describe('Receipt number or payer'),
  voided: z.enum(['true', 'false']).optional(),
});

export const VoidFeePaymentBody = z.strictObject({
  reason: Text(500).describe('Why the receipt is void; printed on the record'),
});

export const FeeAccount = z
  .object({
    unit: FeeUnit,
    currency: z.string(),
    balance: z.number().int().describe('Charges minus valid payments; positive: owed'),
    outstanding: z.array(FeeCharge).describe('Charges with something owed, oldest first (the order payments are allocated)'),
    recentPayments: z.array(FeePayment).describe('The latest 20 receipts, newest first, voided ones marked'),
  })
  .meta({ id: 'FeeAccount' });
export type FeeAccount = z.infer<typeof FeeAccount>;

export const FeeStatementQuery = z.strictObject({
  from: FeePeriod.describe('First month'),
  to: FeePeriod.describe('Last month (inclusive)'),
});

export const FeeStatementLine = z.object({
  on: LocalDate,
  kind: z.enum(['charge', 'payment', 'void']),
  description: z.string(),
  receiptNumber: z.string().nullable(),
  debit: z.number().int().describe('Charges, and voided payments put back'),
  credit: z.number().int().describe('Payments'),
  balance: z.number().int().describe('Running balance after the line'),
});

export const FeeStatement = z
  .object({
    unit: FeeUnit,
    estateName: z.string(),
    currency: z.string(),
    from: FeePeriod,
    to: FeePeriod,
    openingBalance: z.number().int(),
    charges: z.number().int(),
    payments: z.number().int().describe('Valid payments of the months, less voids booked in them'),
    closingBalance: z.number().int(),
    lines: z.array(FeeStatementLine),
  })
  .meta({ id: 'FeeStatement' });
export type FeeStatement = z.infer<typeof FeeStatement>;
