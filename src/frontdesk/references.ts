import type { Kysely, Transaction } from 'kysely';
import { isCaseOfEstate } from '../cases/index.js';
import { isResidentOfEstate, isUnitOfEstate } from '../directory/index.js';
import type { Database } from '../platform/db/schema.js';
import { AppError, type RuleCode, unknownReference } from '../platform/errors.js';
import { occurredAt } from '../platform/occurred.js';
import type { UseCase } from '../platform/use-case.js';

type Db = Kysely<Database> | Transaction<Database>;

export function refuse(code: RuleCode, message: string, details: Record<string, unknown> = {}): AppError {
  return new AppError(code, message, details);
}

/** When it happened, as the caller says: not in the future, and not before what it follows. */
export const occurred = (value: string | undefined, now: Date, notBefore?: { at: string | null; what: string }) =>
  occurredAt(value, now, notBefore ? { notBefore } : {});

/** The unit, resident and case a desk record names must be the estate's. */
export async function checkRefs(
  db: Db,
  estateId: string,
  refs: { unitId?: string | undefined; residentId?: string | undefined; caseId?: string | undefined },
): Promise<void> {
  if (refs.unitId && !(await isUnitOfEstate(db, estateId, refs.unitId))) throw unknownReference('unitId');
  if (refs.residentId && !(await isResidentOfEstate(db, estateId, refs.residentId))) throw unknownReference('residentId');
  if (refs.caseId && !(await isCaseOfEstate(db, estateId, refs.caseId))) throw unknownReference('caseId');
}

/** The history entry (R-RD-1) of a step of a desk record: a call-back, a hand-on, a visitor received or gone. */
export function recordStep(
  uc: Pick<UseCase, 'history'>,
  entityType: string,
  row: { id: string; estate_id: string },
  action: string,
  after: unknown,
): Promise<void> {
  return uc.history({ estateId: row.estate_id, entityType, entityId: row.id, action, before: null, after });
}
