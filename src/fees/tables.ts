import type { Selectable } from 'kysely';

/** R-FE-1: one period of a fee item: its rate in minor units of its currency, from a day to a day. */
export interface FeeItemTable {
  id: string;
  estate_id: string;
  /** The item across its periods; periods of one code never overlap. */
  code: string;
  name: string;
  name_en: string | null;
  basis: string;
  rate: number;
  currency: string;
  /** YYYY-MM-DD, the first day in force. */
  effective_from: string;
  /** YYYY-MM-DD, the last day in force (inclusive); null: until further notice. */
  effective_to: string | null;
  approval_ref: string | null;
  notes: string | null;
  retired_at: string | null;
  created_at: string;
  updated_at: string;
}

export type FeeItemRow = Selectable<FeeItemTable>;

/** R-FE-3: what a unit is charged: a run's month of a fee item, or a one-off. Insert-only. */
export interface FeeChargeTable {
  id: string;
  estate_id: string;
  unit_id: string;
  fee_item_id: string | null;
  fee_item_code: string | null;
  description: string;
  /** 'run' | 'one_off' */
  source: string;
  /** YYYY-MM of a run's charge; null for a one-off. */
  period: string | null;
  /** YYYY-MM-DD: the day it falls due; arrears age from it. */
  charged_on: string;
  quantity: number;
  amount: number;
  currency: string;
  /** `unit:code:period` of a run's charge (unique per estate), null for a one-off. */
  run_key: string | null;
  run_id: string | null;
  case_id: string | null;
  created_by: string | null;
  created_at: string;
}

/** R-FE-2: a payment taken at the counter; the row is its receipt. Insert-only. */
export interface FeePaymentTable {
  id: string;
  estate_id: string;
  unit_id: string;
  payer: string;
  method: string;
  amount: number;
  currency: string;
  receipt_year: number;
  receipt_seq: number;
  receipt_number: string;
  cashier_id: string;
  cashier_day_id: string;
  received_at: string;
  reference: string | null;
  note: string | null;
}

/** R-FE-3: how much of a payment went to a charge. Insert-only. */
export interface FeeAllocationTable {
  id: string;
  estate_id: string;
  payment_id: string;
  charge_id: string;
  amount: number;
}

/** R-FE-2: a receipt made void: it keeps its number, its allocations stop counting. Insert-only. */
export interface FeePaymentVoidTable {
  payment_id: string;
  estate_id: string;
  reason: string;
  voided_by: string;
  voided_at: string;
  /** The open day the void is booked on. */
  cashier_day_id: string;
  /** The receipt's own day. */
  original_day_id: string;
}

/** R-FE-4: one cashier's day in an estate: open → closed (by the cashier) → checked (by a manager). */
export interface CashierDayTable {
  id: string;
  estate_id: string;
  cashier_id: string;
  /** YYYY-MM-DD in the estate's zone. */
  date: string;
  state: string;
  opened_at: string;
  last_booked_at: string | null;
  closed_at: string | null;
  closed_by: string | null;
  close_note: string | null;
  /** The totals by method as closed, JSON: frozen with the day. */
  close_totals: string | null;
  checked_at: string | null;
  checked_by: string | null;
  check_note: string | null;
}

/** R-FE-3: a month's charge run, with its progress. */
export interface FeeChargeRunTable {
  id: string;
  estate_id: string;
  period: string;
  state: string;
  total_units: number;
  processed_units: number;
  charges_created: number;
  amount_created: number;
  currency: string;
  started_by: string | null;
  started_at: string;
  finished_at: string | null;
}

export type FeeChargeRow = Selectable<FeeChargeTable>;
export type FeePaymentRow = Selectable<FeePaymentTable>;
export type FeeAllocationRow = Selectable<FeeAllocationTable>;
export type FeePaymentVoidRow = Selectable<FeePaymentVoidTable>;
export type CashierDayRow = Selectable<CashierDayTable>;
export type FeeChargeRunRow = Selectable<FeeChargeRunTable>;

declare module '../platform/db/schema.js' {
  interface Database {
    fee_items: FeeItemTable;
    fee_charges: FeeChargeTable;
    fee_payments: FeePaymentTable;
    fee_allocations: FeeAllocationTable;
    fee_payment_voids: FeePaymentVoidTable;
    cashier_days: CashierDayTable;
    fee_charge_runs: FeeChargeRunTable;
  }
}
