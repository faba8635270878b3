import type { z } from 'zod';
import type { Actor } from '../../auth/index.js';
import type { CaseDetail, NoteBody } from '../../contract/cases.js';
import type { AppContext } from '../../platform/context.js';
import { runUseCase } from '../../platform/use-case.js';
import { caseToChange } from '../access.js';
import { getCase } from '../reading/get-case.js';
import { addEvent, indexText } from '../store.js';

/** An internal note on the case: not a reply to the resident, so it meets no deadline. */
export async function addNote(
  ctx: AppContext,
  opts: { actor: Actor; caseId: string; body: z.infer<typeof NoteBody> },
): Promise<CaseDetail> {
  await runUseCase(ctx, { actorId: opts.actor.id }, async (uc) => {
    const row = await caseToChange(uc, opts.actor, opts.caseId, 'case.note');
    await addEvent(uc.trx, {
      estateId: row.estate_id,
      caseId: row.id,
      type: 'note',
      at: uc.at,
      actorId: opts.actor.id,
      text: opts.body.content,
    });
    await indexText(uc.trx, row.estate_id, row.id, opts.body.content);
    await uc.history({
      estateId: row.estate_id,
      entityType: 'case',
      entityId: row.id,
      action: 'noted',
      before: null,
      after: { content: opts.body.content },
    });
  });
  return getCase(ctx, { actor: opts.actor, caseId: opts.caseId });
}
