import { z } from 'zod';
import { LocalDate } from './common.js';

/**
 * Period exports: an estate's records of a period as CSV or XLSX, streamed. The period is whole
 * days in the estate's time zone, both inclusive: from `from` 00:00 to the end of `to`.
 */
export const EXPORT_DATASETS = ['cases', 'followups', 'calls', 'visits', 'notices', 'payments'] as const;
export const ExportDataset = z
  .enum(EXPORT_DATASETS)
  .describe(
    'cases (by when they occurred), followups (by when they were opened), calls (by when they started), visits (by arrival), notices (rectification notices, by issue), payments (receipts, by when received; voided ones too)',
  );
export type ExportDataset = z.infer<typeof ExportDataset>;

export const ExportFormat = z.enum(['csv', 'xlsx']);
export type ExportFormat = z.infer<typeof ExportFormat>;

/** The longest period one export covers: a year, leap day included. */
export const EXPORT_MAX_DAYS = 366;

const ExportDay = LocalDate.describe('YYYY-MM-DD, in the estate’s time zone');

/** Whole days between two YYYY-MM-DD dates (to − from). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

const periodShape = {
  from: ExportDay.describe('First day, in the estate’s time zone (inclusive)'),
  to: ExportDay.describe(`Last day, in the estate’s time zone (inclusive; at most ${EXPORT_MAX_DAYS} days after from)`),
};

function checkPeriod(q: { from: string; to: string }, ctx: z.core.$RefinementCtx): void {
  const days = daysBetween(q.from, q.to);
  if (days < 0) ctx.addIssue({ code: 'custom', path: ['to'], message: 'to must be on or after from' });
  else if (days > EXPORT_MAX_DAYS)
    ctx.addIssue({ code: 'custom', path: ['to'], message: `to must be at most ${EXPORT_MAX_DAYS} days after from` });
}

export const ExportCountQuery = z.strictObject(periodShape).superRefine(checkPeriod);
export type ExportCountQuery = z.infer<typeof ExportCountQuery>;

export const ExportQuery = z
  .strictObject({ ...periodShape, format: ExportFormat.default('csv').describe('csv (UTF-8 with BOM) or xlsx') })
  .superRefine(checkPeriod);
export type ExportQuery = z.infer<typeof ExportQuery>;

export const ExportParams = z.strictObject({ estateId: z.uuid(), dataset: ExportDataset });

/** How many rows an export of the period holds, so the browser can show its progress. */
export const ExportCount = z.object({ dataset: ExportDataset, rows: z.number().int().min(0) }).meta({ id: 'ExportCount' });
export type ExportCount = z.infer<typeof ExportCount>;

/** The header that carries the row count of an export's file. */
export const EXPORT_ROWS_HEADER = 'x-export-rows';
