import type { z } from 'zod';
import type { Actor } from '../../auth/index.js';
import type { CaseDetail, NoteBody } from '../../contract/cases.js';
import type { AppContext } from '../../platform/context.js';
import { caseEvent, caseHistory, changeCase } from '../change.js';

/** An internal note on the case: not a reply to the resident, so it meets no deadline. */
export async function addNote(
  ctx: AppContext,
  opts: { actor: Actor; caseId: string; body: z.infer<typeof NoteBody> },
): Promise<CaseDetail> {
  const { content } = opts.body;
  return changeCase(ctx, opts, 'case.note', async (uc, row) => {
    await caseEvent(uc, row, opts.actor.id, { type: 'note', text: content, search: content });
    await caseHistory(uc, row, 'noted', null, { content });
  });
}
