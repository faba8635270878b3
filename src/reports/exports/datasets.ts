import type { Kysely } from 'kysely';
import { casesOfPeriod, countCasesOfPeriod } from '../../cases/index.js';
import type { ExportDataset, ExportFormat } from '../../contract/exports.js';
import { minorDigits } from '../../contract/money.js';
import { countPaymentsOfPeriod, paymentsOfPeriod } from '../../fees/index.js';
import { countFollowUpsOfPeriod, countNoticesOfPeriod, followUpsOfPeriod, noticeCode, noticesOfPeriod } from '../../followups/index.js';
import { callsOfPeriod, countCallsOfPeriod, countVisitsOfPeriod, visitsOfPeriod } from '../../frontdesk/index.js';
import type { Database } from '../../platform/db/schema.js';
import type { PeriodPage, PeriodRange } from '../../platform/period-pages.js';

export type Cell = string | number | null;

/** How cells are shown: instants in the estate's zone, amounts in major units of their currency. */
export interface CellFormat {
  time(iso: string | null): string | null;
  money(minor: number, currency: string): Cell;
}

export function cellFormat(timeZone: string, format: ExportFormat): CellFormat {
  const clock = new Intl.DateTimeFormat('sv-SE', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  });
  return {
    time: (iso) => (iso ? clock.format(new Date(iso)) : null),
    // A spreadsheet gets a number; CSV the decimal with every minor digit (1234.50).
    money: (minor, currency) => {
      const digits = minorDigits(currency);
      const major = minor / 10 ** digits;
      return format === 'xlsx' ? major : major.toFixed(digits);
    },
  };
}

interface Dataset<R extends { id: string; at: string }> {
  page(db: Kysely<Database>, page: PeriodPage): Promise<R[]>;
  count(db: Kysely<Database>, estateId: string, range: PeriodRange): Promise<number>;
  line(row: R, f: CellFormat): Cell[];
}

const unit = (r: { building_name: string | null; unit_number: string | null }): Cell[] => [r.building_name, r.unit_number];
const dataset = <R extends { id: string; at: string }>(d: Dataset<R>) => d as unknown as Dataset<{ id: string; at: string }>;

/** Each dataset: its pages and count, read through the owning capability, and its line of cells. */
export const DATASETS: Record<ExportDataset, Dataset<{ id: string; at: string }>> = {
  cases: dataset({
    page: casesOfPeriod,
    count: countCasesOfPeriod,
    line: (r, f) => [
      r.number,
      f.time(r.at),
      f.time(r.recorded_at),
      r.kind,
      r.channel,
      r.repair_class,
      r.status,
      ...unit(r),
      r.resident_name,
      r.resident_phone,
      r.description,
      f.time(r.first_reply_at),
      f.time(r.closed_at),
      r.satisfaction,
    ],
  }),
  followups: dataset({
    page: followUpsOfPeriod,
    count: countFollowUpsOfPeriod,
    line: (r, f) => [
      r.case_number,
      f.time(r.at),
      ...unit(r),
      r.kind,
      r.repair_class,
      r.status,
      f.time(r.due_at),
      f.time(r.performed_at),
      r.performed_by_name,
      r.method,
      r.satisfaction,
      r.resident_score ?? null,
      r.result,
      r.problem,
    ],
  }),
  calls: dataset({
    page: callsOfPeriod,
    count: countCallsOfPeriod,
    line: (r, f) => [
      f.time(r.at),
      r.duration_seconds,
      r.caller_name,
      r.caller_phone,
      ...unit(r),
      r.purpose,
      r.outcome,
      r.answered_by_name,
      r.asked_for_name,
      r.case_number,
      r.note,
    ],
  }),
  visits: dataset({
    page: visitsOfPeriod,
    count: countVisitsOfPeriod,
    line: (r, f) => [
      f.time(r.at),
      r.visitor_name,
      ...unit(r),
      r.purpose,
      r.status,
      r.asked_for_name,
      f.time(r.received_at),
      r.received_by_name,
      f.time(r.departed_at),
      r.outcome,
      r.case_number,
      r.note,
    ],
  }),
  notices: dataset({
    page: noticesOfPeriod,
    count: countNoticesOfPeriod,
    line: (r, f) => [
      noticeCode(Number(r.year), Number(r.number)),
      f.time(r.at),
      r.case_number,
      ...unit(r),
      f.time(r.finding_at),
      r.problem,
      r.required_action,
      f.time(r.deadline_at),
      r.recipient_name,
      r.issued_by_name,
      f.time(r.acknowledged_at),
      f.time(r.rectified_at),
      f.time(r.voided_at),
      r.void_reason,
    ],
  }),
  payments: dataset({
    page: paymentsOfPeriod,
    count: countPaymentsOfPeriod,
    line: (r, f) => [
      r.receipt_number,
      f.time(r.at),
      ...unit(r),
      r.payer,
      r.method,
      f.money(Number(r.amount), r.currency),
      r.currency,
      r.reference,
      r.cashier_name,
      f.time(r.voided_at),
      r.void_reason,
    ],
  }),
};
