import type { z } from 'zod';
import type {
  AnswerTimes,
  PbxCall,
  PbxCallState,
  PbxCsvMapping as PbxCsvMappingSchema,
  PbxExtension,
  PbxImportBody,
  PbxImportResult as PbxImportResultSchema,
  PbxSecret as PbxSecretSchema,
  PbxSettings,
  PbxSettingsBody,
} from '../../../contract/telephony';

/** The phone system's shapes as the web app sees them, all taken from the shared contract. */
export type { AnswerTimes, PbxCall, PbxCallState, PbxExtension, PbxSettings };
export type PbxCsvMapping = z.input<typeof PbxCsvMappingSchema>;
export type PbxSettingsInput = z.input<typeof PbxSettingsBody>;
export type PbxSecret = z.infer<typeof PbxSecretSchema>;
export type PbxImportInput = z.input<typeof PbxImportBody>;
export type PbxImportResult = z.infer<typeof PbxImportResultSchema>;
export type AnswerGroup = AnswerTimes['total'];

/** The generic CSV mapping's fields, in the order the form asks for them. */
export const MAPPING_FIELDS = [
  'callId',
  'from',
  'callerName',
  'extension',
  'start',
  'answer',
  'end',
  'ringSeconds',
  'disposition',
  'timeFormat',
] as const satisfies readonly (keyof PbxCsvMapping)[];
export const REQUIRED_MAPPING_FIELDS: readonly string[] = ['callId', 'from', 'extension', 'start', 'timeFormat'];
