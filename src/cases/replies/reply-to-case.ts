import type { z } from 'zod';
import type { Actor } from '../../auth/index.js';
import type { CaseDetail, ReplyBody } from '../../contract/cases.js';
import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { meetObligations } from '../../platform/obligations/index.js';
import { occurredAt as whenItHappened } from '../../platform/occurred.js';
import { runUseCase } from '../../platform/use-case.js';
import { CASE_SUBJECT, caseToChange } from '../access.js';
import { getCase } from '../reading/get-case.js';
import { REPLY_RULE } from '../rules.js';
import { addEvent, indexText, updateCase } from '../store.js';
import { mailReplyToResident } from './mail-reply.js';

/**
 * R-CP-1: records a reply to the resident (call, visit, written). The first reply meets the
 * reply deadline; a later one changes no deadline. A written reply is also mailed to them.
 */
export async function replyToCase(
  ctx: AppContext,
  opts: { actor: Actor; caseId: string; body: z.infer<typeof ReplyBody> },
): Promise<CaseDetail> {
  const b = opts.body;
  await runUseCase(ctx, { actorId: opts.actor.id }, async (uc) => {
    const row = await caseToChange(uc, opts.actor, opts.caseId, 'case.reply');
    const repliedAt = whenItHappened(b.repliedAt, uc.now, { field: 'repliedAt' });
    if (new Date(repliedAt) < new Date(row.occurred_at)) {
      throw new AppError('validation.failed', 'repliedAt: cannot be before the case happened', {
        issues: [{ path: 'body.repliedAt', message: 'before occurredAt' }],
      });
    }
    const replyId = await addEvent(uc.trx, {
      estateId: row.estate_id,
      caseId: row.id,
      type: 'reply',
      at: repliedAt,
      actorId: opts.actor.id,
      text: b.content,
      data: { method: b.method, recordedAt: uc.at },
    });
    await indexText(uc.trx, row.estate_id, row.id, b.content);
    if (b.method === 'written') await mailReplyToResident(uc.trx, row, replyId, b.content, uc.at);
    if (!row.first_reply_at || new Date(repliedAt) < new Date(row.first_reply_at)) {
      await updateCase(uc.trx, row.estate_id, row.id, { first_reply_at: repliedAt });
    }
    await meetObligations(uc.trx, {
      subjectType: CASE_SUBJECT,
      subjectId: row.id,
      rule: REPLY_RULE,
      metAt: repliedAt,
      metBy: opts.actor.id,
    });
    if (row.status === 'new' || row.status === 'assigned') await updateCase(uc.trx, row.estate_id, row.id, { status: 'in_progress' });
    await uc.history({
      estateId: row.estate_id,
      entityType: 'case',
      entityId: row.id,
      action: 'replied',
      before: null,
      after: { method: b.method, content: b.content, repliedAt },
    });
  });
  return getCase(ctx, { actor: opts.actor, caseId: opts.caseId });
}
