import type { Actor } from '../auth/index.js';
import type { CaseDetail } from '../contract/cases.js';
import type { AppContext } from '../platform/context.js';
import { runUseCase, type UseCase } from '../platform/use-case.js';
import { type CaseAbility, caseToChange } from './access.js';
import { getCase } from './reading/get-case.js';
import { addEvent, type CaseJoinRow, indexText } from './store.js';

type CaseKey = { id: string; estate_id: string };

/**
 * A use case changing one case, as the routes call it: `(ctx, { actor, caseId, body })`. The
 * case is read in the use case's transaction with the operation's ability checked, changed by
 * `fn`, then answered as the person now sees it.
 */
export function caseChange<B>(
  ability: CaseAbility,
  fn: (uc: UseCase, row: CaseJoinRow, input: { ctx: AppContext; actor: Actor; body: B }) => Promise<void>,
): (ctx: AppContext, opts: { actor: Actor; caseId: string; body: B }) => Promise<CaseDetail> {
  return async (ctx, { actor, caseId, body }) => {
    await runUseCase(ctx, { actorId: actor.id }, async (uc) =>
      fn(uc, await caseToChange(uc, actor, caseId, ability), { ctx, actor, body }),
    );
    return getCase(ctx, { actor, caseId });
  };
}

/**
 * Puts an entry on the case's timeline, at the use case's time unless it happened earlier;
 * `search` holds the words that make the case findable by it. Returns the entry's id.
 */
export async function caseEvent(
  uc: Pick<UseCase, 'trx' | 'at'>,
  row: CaseKey,
  actorId: string | null,
  e: { type: string; at?: string; text?: string | null; data?: Record<string, unknown>; search?: string | null },
): Promise<string> {
  const id = await addEvent(uc.trx, {
    estateId: row.estate_id,
    caseId: row.id,
    type: e.type,
    at: e.at ?? uc.at,
    actorId,
    text: e.text,
    data: e.data,
  });
  if (e.search) await indexText(uc.trx, row.estate_id, row.id, e.search);
  return id;
}

/** The history entry (R-RD-1) of a change of the case. */
export function caseHistory(uc: Pick<UseCase, 'history'>, row: CaseKey, action: string, before: unknown, after: unknown): Promise<void> {
  return uc.history({ estateId: row.estate_id, entityType: 'case', entityId: row.id, action, before, after });
}
