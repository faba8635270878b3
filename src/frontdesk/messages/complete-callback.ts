import type { z } from 'zod';
import type { CompleteCallbackBody } from '../../contract/frontdesk.js';
import { checkResidentWords, warningsToKeep } from '../../phrases/index.js';
import { meetObligations } from '../../platform/obligations/index.js';
import { occurred, recordStep } from '../references.js';
import { CALLBACK_RULE } from '../rules.js';
import { markCalledBack } from '../store/messages.js';
import { MESSAGE, messageChange } from './message-for.js';

/**
 * R-PH-3: the call-back is made; the obligation is met at the time it happened. R-WD-2: what was
 * agreed with the caller is checked against the phrase guide, kept with the step and answered.
 */
export const completeCallback = messageChange<z.infer<typeof CompleteCallbackBody>>(async (uc, row, { actor, body }) => {
  const at = occurred(body.occurredAt, uc.now, { at: row.taken_at, what: 'the message was taken' });
  const note = body.note ?? null;
  const phraseWarnings = await checkResidentWords(uc.trx, { estateId: row.estate_id, locale: actor.locale, fields: { note } });
  await markCalledBack(uc.trx, row.estate_id, row.id, { at, by: actor.id, note });
  await meetObligations(uc.trx, { subjectType: MESSAGE, subjectId: row.id, rule: CALLBACK_RULE, metAt: at, metBy: actor.id });
  await recordStep(uc, MESSAGE, row, 'called_back', {
    at,
    note,
    ...(phraseWarnings.length > 0 && { phraseWarnings: warningsToKeep(phraseWarnings) }),
  });
  return phraseWarnings;
});
