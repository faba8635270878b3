import type { z } from 'zod';
import type { Actor } from '../../auth/index.js';
import type { SatisfactionBody } from '../../contract/cases.js';
import type { PhraseWarning } from '../../contract/phrases.js';
import { warningsToKeep } from '../../phrases/index.js';
import type { AppContext } from '../../platform/context.js';
import type { UseCase } from '../../platform/use-case.js';
import { recorderOf, requireNotClosed } from '../access.js';
import { caseChange, caseEvent, caseHistory, residentWords } from '../change.js';
import { escalateToManager } from '../escalation/escalate-to-manager.js';
import { type CaseKind, satisfactionEscalates } from '../rules.js';
import { type CaseJoinRow, updateCase } from '../store.js';

/**
 * R-CP-3: records the resident's satisfaction with the handling. A complaint whose resident is
 * not satisfied stays open (a resolved one is taken up again) and escalates to the manager.
 */
export const recordSatisfaction = caseChange<z.infer<typeof SatisfactionBody>>('case.satisfaction', async (uc, row, { ctx, actor, body }) =>
  satisfactionInUseCase(uc, ctx, row, actor, body),
);

/**
 * Records the satisfaction in the use case's transaction (see `recordSatisfaction`): told at the
 * counter, or answered by the resident on the portal.
 */
export async function satisfactionInUseCase(
  uc: UseCase,
  ctx: AppContext,
  row: CaseJoinRow,
  actor: Actor,
  b: z.infer<typeof SatisfactionBody>,
): Promise<PhraseWarning[]> {
  requireNotClosed(row);
  const result = b.result ?? row.result;
  await updateCase(uc.trx, row.estate_id, row.id, { satisfaction: b.satisfaction, result });
  // R-WD-2: a handling result given here is told to the resident; the note is the resident's own words.
  const phraseWarnings = await residentWords(uc, row, actor, { result: b.result });
  await caseEvent(uc, row, recorderOf(actor), {
    type: 'satisfaction',
    text: b.note,
    data: {
      satisfaction: b.satisfaction,
      result,
      ...(phraseWarnings.length > 0 && { phraseWarnings: warningsToKeep(phraseWarnings) }),
    },
    search: b.note,
  });
  await caseHistory(
    uc,
    row,
    'satisfaction',
    { satisfaction: row.satisfaction, result: row.result },
    { satisfaction: b.satisfaction, result, note: b.note ?? null },
  );
  if (satisfactionEscalates(row.kind as CaseKind, b.satisfaction)) {
    if (row.status === 'resolved') await updateCase(uc.trx, row.estate_id, row.id, { status: 'in_progress' });
    const reason = b.note ?? 'R-CP-3: the resident is not satisfied';
    uc.live(...(await escalateToManager(uc, ctx, row, { actorId: recorderOf(actor), reason, rule: 'R-CP-3' })));
  }
  return phraseWarnings;
}
