import type { Actor } from '../auth/index.js';
import type { CaseDetail } from '../contract/cases.js';
import type { PhraseWarning } from '../contract/phrases.js';
import { checkResidentWords } from '../phrases/index.js';
import type { AppContext } from '../platform/context.js';
import { runUseCase, type UseCase } from '../platform/use-case.js';
import { type CaseAbility, caseToChange } from './access.js';
import { getCase } from './reading/get-case.js';
import { addEvent, type CaseJoinRow, indexText } from './store.js';

type CaseKey = { id: string; estate_id: string };

/**
 * A use case changing one case, as the routes call it: `(ctx, { actor, caseId, body })`. The
 * case is read in the use case's transaction with the operation's ability checked, changed by
 * `fn`, then answered as the person now sees it, with what the phrase guide found in words for
 * the resident when `fn` checked some (R-WD-2).
 */
export function caseChange<B>(
  ability: CaseAbility,
  fn: (uc: UseCase, row: CaseJoinRow, input: { ctx: AppContext; actor: Actor; body: B }) => Promise<PhraseWarning[] | undefined>,
): (ctx: AppContext, opts: { actor: Actor; caseId: string; body: B }) => Promise<CaseDetail> {
  return async (ctx, { actor, caseId, body }) => {
    const phraseWarnings = await runUseCase(ctx, { actorId: actor.id }, async (uc) =>
      fn(uc, await caseToChange(uc, actor, caseId, ability), { ctx, actor, body }),
    );
    const detail = await getCase(ctx, { actor, caseId });
    return phraseWarnings ? { ...detail, phraseWarnings } : detail;
  };
}

/**
 * R-WD-2: checks words a resident will read against the estate's phrase guide in the change's
 * transaction; the findings go on the timeline entry's data and into the answer.
 */
export function residentWords(
  uc: Pick<UseCase, 'trx'>,
  row: CaseKey,
  actor: Actor,
  fields: Record<string, string | null | undefined>,
): Promise<PhraseWarning[]> {
  return checkResidentWords(uc.trx, { estateId: row.estate_id, locale: actor.locale, fields });
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
