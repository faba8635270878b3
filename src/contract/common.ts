import { z } from 'zod';

/** Shapes shared by every capability's contract. */
export const Id = z.uuid().describe('Record id (UUID v7)');
export const Instant = z.iso.datetime({ offset: true }).describe('ISO-8601 instant');
/** A calendar day, YYYY-MM-DD (a real one: 2026-02-31 is refused). */
export const LocalDate = z.iso.date().describe('A day, YYYY-MM-DD');

export const ErrorBody = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      details: z.record(z.string(), z.unknown()),
    }),
  })
  .meta({ id: 'Error' });

export const PageQuery = z.strictObject({
  page: z.coerce.number().int().min(1).max(1_000_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(25),
});

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
}

export const Ok = z.object({ ok: z.literal(true) });

export const Locale = z.enum(['zh-Hant', 'zh-Hans', 'en']);
export type Locale = z.infer<typeof Locale>;

/** Case kinds (R-IN-2) and repair classes (R-IN-4), used by department duties. */
export const CaseKind = z.enum(['inquiry', 'repair', 'fee', 'complaint', 'message', 'praise', 'suggestion']);
export const RepairClass = z.enum(['safety', 'leak', 'other']);

export const FileFormat = z.enum(['csv', 'xlsx']);

/** Body of an import: the file travels base64-encoded so one JSON schema validates it. */
export const ImportBody = z.strictObject({
  format: FileFormat,
  fileName: z.string().max(255).optional(),
  contentBase64: z.base64().min(1).max(14_000_000),
  dryRun: z.boolean().default(false).describe('Check every row and report, write nothing'),
});

export const ImportRowError = z.object({
  row: z.number().int().describe('Row number in the file, the header being row 1'),
  column: z.string(),
  reason: z.string().describe('Machine code: required, invalid_number, invalid_email, ...'),
  message: z.string(),
  value: z.string().optional().describe('The cell as the file has it (its first 100 characters), when it is not empty'),
});
export type ImportRowError = z.infer<typeof ImportRowError>;

export const ImportResult = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  total: z.number().int(),
});
