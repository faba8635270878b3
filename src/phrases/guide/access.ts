import { type Actor, type EstateAbility, requireAbility } from '../../auth/index.js';
import { findEstate } from '../../directory/index.js';
import type { AppContext } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/errors.js';
import { rewriteProblem } from '../rules.js';

/** The ability in the estate, and the estate itself: a deleted estate answers 404. */
export async function requireEstateRecord(ctx: AppContext, actor: Actor, estateId: string, ability: EstateAbility): Promise<void> {
  requireAbility(actor, estateId, ability);
  if (!(await findEstate(ctx.db, estateId))) throw notFound('estate');
}

export function duplicatePhrase(): AppError {
  return new AppError('conflict.duplicate', 'avoid: the guide already has this phrase in this language', { field: 'avoid' });
}

/** A rule's pattern compiles, matches some words, and its replacement names only parts of it; else 400 naming the field. */
export function rewriteAllowed(pattern: string | null | undefined, replacement: string | null | undefined): void {
  const problem = rewriteProblem(pattern, replacement);
  if (!problem) return;
  const field = problem.split(':')[0] ?? 'pattern';
  throw new AppError('validation.failed', problem, { issues: [{ path: `body.${field}`, message: problem }] });
}
