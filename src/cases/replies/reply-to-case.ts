import type { z } from 'zod';
import type { ReplyBody } from '../../contract/cases.js';
import { warningsToKeep } from '../../phrases/index.js';
import { AppError } from '../../platform/errors.js';
import { meetObligations } from '../../platform/obligations/index.js';
import { occurredAt as whenItHappened } from '../../platform/occurred.js';
import { CASE_SUBJECT } from '../access.js';
import { caseChange, caseEvent, caseHistory, residentWords } from '../change.js';
import { contactMade } from '../progress/contact-clock.js';
import { tellResident } from '../progress/tell-resident.js';
import { REPLY_RULE } from '../rules.js';
import { updateCase } from '../store.js';

/**
 * R-CP-1: records a reply to the resident (call, visit, written). The first reply meets the
 * reply deadline; a later one changes no deadline. R-CP-5: the resident is told of every reply
 * by their channel, and a complaint's contact clock restarts.
 * R-WD-2: its words are checked against the phrase guide; what it finds is kept and answered.
 */
export const replyToCase = caseChange<z.infer<typeof ReplyBody>>('case.reply', async (uc, row, { actor, body: b }) => {
  const repliedAt = whenItHappened(b.repliedAt, uc.now, { field: 'repliedAt' });
  if (new Date(repliedAt) < new Date(row.occurred_at)) {
    throw new AppError('validation.failed', 'repliedAt: cannot be before the case happened', {
      issues: [{ path: 'body.repliedAt', message: 'before occurredAt' }],
    });
  }
  const phraseWarnings = await residentWords(uc, row, actor, { content: b.content });
  const replyId = await caseEvent(uc, row, actor.id, {
    type: 'reply',
    at: repliedAt,
    text: b.content,
    data: { method: b.method, recordedAt: uc.at, ...(phraseWarnings.length > 0 && { phraseWarnings: warningsToKeep(phraseWarnings) }) },
    search: b.content,
  });
  const firstReplyAt = !row.first_reply_at || new Date(repliedAt) < new Date(row.first_reply_at) ? repliedAt : row.first_reply_at;
  if (firstReplyAt !== row.first_reply_at) await updateCase(uc.trx, row.estate_id, row.id, { first_reply_at: firstReplyAt });
  await meetObligations(uc.trx, {
    subjectType: CASE_SUBJECT,
    subjectId: row.id,
    rule: REPLY_RULE,
    metAt: repliedAt,
    metBy: actor.id,
  });
  const status = row.status === 'new' || row.status === 'assigned' ? 'in_progress' : row.status;
  if (status !== row.status) await updateCase(uc.trx, row.estate_id, row.id, { status });
  // R-CP-5: the resident is told of the reply; the reply, or the message if later, restarts the contact clock.
  const now = { ...row, first_reply_at: firstReplyAt, status };
  if (!(await tellResident(uc, now, { kind: 'reply', key: replyId, text: b.content, actorId: actor.id })))
    await contactMade(uc, now, repliedAt, actor.id);
  await caseHistory(uc, row, 'replied', null, { method: b.method, content: b.content, repliedAt });
  return phraseWarnings;
});
