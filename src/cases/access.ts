import { type Actor, can, requireAbility } from '../auth/policy.js';
import { notFound } from '../platform/errors.js';
import type { casePolicy } from './policy.js';

export type CaseAbility = keyof typeof casePolicy;

type CaseRef = { estate_id: string; maintenance_id: string | null; assignee_id: string | null };

/** A case is a person's own when they hold its repair or it is assigned to them. */
export function ownsCase(actor: Actor, row: CaseRef): boolean {
  return row.maintenance_id === actor.id || row.assignee_id === actor.id;
}

/**
 * Checks the one ability of an operation on a case, in the case's estate (another estate's case
 * answers 404, a role without the ability 403). Those who read only their own cases
 * (`case.read.own`: maintenance staff) act only on those; any other case of the estate answers
 * 404 to them, exactly like a missing one, so the resident's name and phone never reach them.
 */
export function requireOnCase(actor: Actor, row: CaseRef, ability: CaseAbility, what = 'case'): void {
  requireAbility(actor, row.estate_id, ability, what);
  if (!can(actor, row.estate_id, 'case.read') && !ownsCase(actor, row)) throw notFound(what);
}

/** Reading a case: `case.read` reads every case of the estate, `case.read.own` the person's own. */
export function requireCaseRead(actor: Actor, row: CaseRef, what = 'case'): void {
  if (can(actor, row.estate_id, 'case.read')) return;
  requireOnCase(actor, row, 'case.read.own', what);
}
