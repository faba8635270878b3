import type { z } from 'zod';
import type { NoteBody } from '../../contract/cases.js';
import { caseChange, caseEvent, caseHistory } from '../change.js';

/** An internal note on the case: not a reply to the resident, so it meets no deadline. */
export const addNote = caseChange<z.infer<typeof NoteBody>>('case.note', async (uc, row, { actor, body: { content } }) => {
  await caseEvent(uc, row, actor.id, { type: 'note', text: content, search: content });
  await caseHistory(uc, row, 'noted', null, { content });
});
