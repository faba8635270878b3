import { type Actor, can, PORTAL_STAFF_ID, requireAbility, requireResidentsRecord } from '../auth/index.js';
import type { LiveEventType } from '../contract/live.js';
import { AppError, notFound, type RuleCode } from '../platform/errors.js';
import type { LiveEvent } from '../platform/live.js';
import type { UseCase } from '../platform/use-case.js';
import type { casePolicy } from './policy.js';
import { type CaseJoinRow, findCase, updateCase } from './store.js';

export type CaseAbility = keyof typeof casePolicy;

/** The deadline engine's subject type for a case. */
export const CASE_SUBJECT = 'case';

type CaseRef = {
  estate_id: string;
  maintenance_id: string | null;
  assignee_id: string | null;
  unit_id: string | null;
  resident_id: string | null;
};

/** A case is a person's own when they hold its repair or it is assigned to them. */
export function ownsCase(actor: Actor, row: CaseRef): boolean {
  return row.maintenance_id === actor.id || row.assignee_id === actor.id;
}

/**
 * Checks the one ability of an operation on a case, in the case's estate (another estate's case
 * answers 404, a role without the ability 403). Those who read only their own cases
 * (`case.read.own`: maintenance staff) act only on those; any other case of the estate answers
 * 404 to them, exactly like a missing one, so the resident's name and phone never reach them.
 * A resident acts (through the portal's abilities) only on the cases of their own units (R-PT-1).
 */
export function requireOnCase(actor: Actor, row: CaseRef, ability: CaseAbility, what = 'case'): void {
  requireAbility(actor, row.estate_id, ability, what);
  if (actor.kind === 'resident') {
    requireResidentsRecord(actor, row, what);
    return;
  }
  if (!can(actor, row.estate_id, 'case.read') && !ownsCase(actor, row)) throw notFound(what);
}

/** Reading a case: `case.read` reads every case of the estate, `case.read.own` the person's own. */
export function requireCaseRead(actor: Actor, row: CaseRef, what = 'case'): void {
  if (can(actor, row.estate_id, 'case.read')) return;
  // A resident reads their cases through the portal, never the staff's view of a case.
  if (actor.kind === 'resident') requireAbility(actor, row.estate_id, 'case.read', what);
  else requireOnCase(actor, row, 'case.read.own', what);
}

/** The case behind an id, with the operation's ability checked in the case's estate. */
export async function caseFor(
  db: Parameters<typeof findCase>[0],
  actor: Actor,
  caseId: string,
  ability: CaseAbility,
): Promise<CaseJoinRow> {
  const row = await findCase(db, caseId);
  if (!row) throw notFound('case');
  requireOnCase(actor, row, ability);
  return row;
}

/**
 * The case a use case is about to change, read in its transaction with the ability checked: the
 * case is marked updated and open screens are told once the change commits.
 */
export async function caseToChange(uc: UseCase, actor: Actor, caseId: string, ability: CaseAbility): Promise<CaseJoinRow> {
  const row = await caseFor(uc.trx, actor, caseId, ability);
  await updateCase(uc.trx, row.estate_id, row.id, { updated_at: uc.at });
  uc.live(caseChanged(row.estate_id, row.id));
  return row;
}

/** The staff record a change names as its doer: a resident's own changes name the portal (R-IN-1). */
export function recorderOf(actor: Actor): string {
  return actor.kind === 'resident' ? PORTAL_STAFF_ID : actor.id;
}

/** What open screens are told when a case changes. */
export function caseChanged(estateId: string, caseId: string, type: LiveEventType = 'case.updated'): LiveEvent {
  return { estateId, type, subjectId: caseId };
}

/** A refusal under a case rule: 422 with the rule's own code, so the desk can say which rule. */
export function caseError(code: RuleCode, message: string, details: Record<string, unknown> = {}): AppError {
  return new AppError(code, message, details);
}

/** Only an open case takes this change. */
export function requireNotClosed(row: { status: string }): void {
  if (row.status === 'closed') throw caseError('case.closed', 'the case is closed; reopen it first');
}
