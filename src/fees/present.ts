import type {
  CashierDay,
  CashierDaySummary,
  FeeBasis,
  FeeCharge,
  FeeChargeRun,
  FeeItem,
  FeePayment,
  FeeUnit,
  MethodTotals,
  PaymentMethod,
} from '../contract/fees.js';
import { capitalAmount } from '../contract/money.js';
import type { ChargeableUnit } from '../directory/index.js';
import type { bookingsOfDay, DayRecord } from './days.store.js';
import type { allocationsOf, ChargeWithOwed, PaymentRecord, UnitColumns } from './ledger.store.js';
import { takingsByMethod } from './rules.js';
import type { FeeChargeRunRow, FeeItemRow } from './tables.js';

export function presentFeeItem(row: FeeItemRow): FeeItem {
  return {
    id: row.id,
    estateId: row.estate_id,
    code: row.code,
    name: row.name,
    nameEn: row.name_en,
    basis: row.basis as FeeBasis,
    rate: Number(row.rate),
    currency: row.currency,
    effectiveFrom: row.effective_from,
    effectiveTo: row.effective_to,
    approvalRef: row.approval_ref,
    notes: row.notes,
    retired: row.retired_at !== null,
    retiredAt: row.retired_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

const unitOf = (r: UnitColumns): FeeUnit => ({
  id: r.unit_id,
  buildingName: r.building_name,
  number: r.unit_number,
  areaM2: r.unit_area_m2,
});

export function presentCharge(row: ChargeWithOwed): FeeCharge {
  return {
    id: row.id,
    estateId: row.estate_id,
    unit: unitOf(row),
    feeItemId: row.fee_item_id,
    feeItemCode: row.fee_item_code,
    description: row.description,
    source: row.source as FeeCharge['source'],
    period: row.period,
    chargedOn: row.charged_on,
    quantity: Number(row.quantity),
    amount: row.amount,
    currency: row.currency,
    outstanding: row.amount - row.paid,
    caseId: row.case_id,
    runId: row.run_id,
    createdBy: row.created_by,
    createdAt: row.created_at,
  };
}

type AllocationRow = Awaited<ReturnType<typeof allocationsOf>>[number];

export function presentPayment(row: PaymentRecord, allocations: readonly AllocationRow[]): FeePayment {
  return {
    id: row.id,
    estateId: row.estate_id,
    estateName: row.estate_name,
    unit: unitOf(row),
    receiptNumber: row.receipt_number,
    receiptYear: row.receipt_year,
    receiptSeq: row.receipt_seq,
    payer: row.payer,
    method: row.method as PaymentMethod,
    amount: row.amount,
    currency: row.currency,
    amountInWords: capitalAmount(row.amount, row.currency),
    reference: row.reference,
    note: row.note,
    cashierId: row.cashier_id,
    cashierName: row.cashier_name,
    cashierDayId: row.cashier_day_id,
    receivedAt: row.received_at,
    allocations: allocations
      .filter((a) => a.payment_id === row.id)
      .map((a) => ({ chargeId: a.charge_id, description: a.description, period: a.period, chargedOn: a.charged_on, amount: a.amount })),
    voided: row.voided_at !== null,
    void:
      row.voided_at !== null
        ? {
            reason: row.void_reason ?? '',
            voidedBy: row.voided_by ?? '',
            voidedByName: row.voider_name ?? '',
            voidedAt: row.voided_at,
            cashierDayId: row.void_day_id ?? '',
            originalDayId: row.void_original_day_id ?? '',
          }
        : null,
  };
}

export function presentRun(row: FeeChargeRunRow): FeeChargeRun {
  return {
    id: row.id,
    estateId: row.estate_id,
    period: row.period,
    state: row.state as FeeChargeRun['state'],
    totalUnits: Number(row.total_units),
    processedUnits: Number(row.processed_units),
    chargesCreated: Number(row.charges_created),
    amountCreated: Number(row.amount_created),
    currency: row.currency,
    startedBy: row.started_by,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
  };
}

export type DayBookings = Awaited<ReturnType<typeof bookingsOfDay>>;

export function presentDaySummary(row: DayRecord, b: DayBookings): CashierDaySummary {
  const byMethod = takingsByMethod(b.receipts, b.voids);
  return {
    id: row.id,
    estateId: row.estate_id,
    cashierId: row.cashier_id,
    cashierName: row.cashier_name,
    date: row.date,
    state: row.state as CashierDaySummary['state'],
    total: Object.values(byMethod).reduce((s, n) => s + n, 0),
    receipts: b.receipts.length,
    voids: b.voids.length,
    openedAt: row.opened_at,
    closedAt: row.closed_at,
    closedBy: row.closed_by,
    checkedAt: row.checked_at,
    checkedBy: row.checked_by,
    checkedByName: row.checker_name,
    closeNote: row.close_note,
    checkNote: row.check_note,
  };
}

export function presentDay(row: DayRecord, b: DayBookings, units: Map<string, FeeUnit>, currency: string): CashierDay {
  // A closed day shows the totals it was closed with: nothing booked later changes them.
  const frozen = row.close_totals ? (JSON.parse(row.close_totals) as MethodTotals) : null;
  return {
    ...presentDaySummary(row, b),
    currency,
    byMethod: frozen ?? takingsByMethod(b.receipts, b.voids),
    receiptsInOrder: b.receipts.map((r) => ({
      paymentId: r.id,
      receiptNumber: r.receipt_number,
      unit: units.get(r.unit_id) ?? { id: r.unit_id, buildingName: '', number: '', areaM2: null },
      payer: r.payer,
      method: r.method as PaymentMethod,
      amount: r.amount,
      receivedAt: r.received_at,
      voided: r.voided,
    })),
    voidsBooked: b.voids.map((v) => ({
      paymentId: v.payment_id,
      receiptNumber: v.receipt_number,
      method: v.method as PaymentMethod,
      amount: v.amount,
      reason: v.reason,
      voidedAt: v.voided_at,
      originalDayId: v.original_day_id,
      originalDate: v.original_date,
    })),
  };
}

export function unitsByIdFrom(units: readonly ChargeableUnit[]): Map<string, FeeUnit> {
  return new Map(units.map((u) => [u.id, { id: u.id, buildingName: u.building_name, number: u.number, areaM2: u.area_m2 }]));
}
