import type { Kysely } from 'kysely';
import type { LiveEventType } from '../contract/live.js';
import type { Database } from '../platform/db/schema.js';
import { AppError, type RuleCode } from '../platform/errors.js';
import type { LiveEvent } from '../platform/live.js';
import { occurredAt } from '../platform/occurred.js';
import type { Trx } from '../platform/use-case.js';
import type { followUpPolicy } from './policy.js';

export type { Trx };
export type Db = Kysely<Database> | Trx;

/** What each use case needs, by name (`policy.ts`): the office checks the work maintenance staff do. */
export type FollowUpAbility = keyof typeof followUpPolicy;

/** Subject types of history entries and obligations. */
export const FOLLOW_UP = 'followup';
export const NOTICE = 'rectification_notice';
export const SPOT_CHECK = 'spot_check';
export const SPOT_ITEM = 'spot_check_item';

export function refuse(code: RuleCode, message: string, details: Record<string, unknown> = {}): AppError {
  return new AppError(code, message, details);
}

export const changed = (estateId: string, type: LiveEventType, subjectId: string): LiveEvent => ({ estateId, type, subjectId });

/** When something happened: `value` if given (not in the future, not before `notBefore`), else now. */
export const occurred = (value: string | undefined, now: Date, notBefore?: { at: string | null; what: string }) =>
  occurredAt(value, now, notBefore ? { notBefore } : {});
