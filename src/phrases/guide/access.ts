import { type Actor, type EstateAbility, requireAbility } from '../../auth/index.js';
import { findEstate } from '../../directory/index.js';
import type { AppContext } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/errors.js';

/** The ability in the estate, and the estate itself: a deleted estate answers 404. */
export async function requireEstateRecord(ctx: AppContext, actor: Actor, estateId: string, ability: EstateAbility): Promise<void> {
  requireAbility(actor, estateId, ability);
  if (!(await findEstate(ctx.db, estateId))) throw notFound('estate');
}

export function duplicatePhrase(): AppError {
  return new AppError('conflict.duplicate', 'avoid: the guide already has this phrase in this language', { field: 'avoid' });
}
