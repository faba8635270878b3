import type { z } from 'zod';
import type { Actor } from '../../auth/index.js';
import type { FollowUpAttemptBody } from '../../contract/followups.js';
import type { AppContext } from '../../platform/context.js';
import { newId } from '../../platform/ids.js';
import { runUseCase } from '../../platform/use-case.js';
import { changed, FOLLOW_UP, occurred } from '../shared.js';
import { addAttempt } from '../store/follow-ups.js';
import { followUpFor, notBeforeOf, presentFollowUpById, requireOpen } from './load.js';

/** A try that did not reach the resident; "unreachable" is recorded after enough of them (R-FU-4). */
export async function recordFollowUpAttempt(
  ctx: AppContext,
  opts: { actor: Actor; followUpId: string; body: z.infer<typeof FollowUpAttemptBody> },
) {
  const b = opts.body;
  await runUseCase(ctx, { actorId: opts.actor.id }, async (uc) => {
    const row = await followUpFor(uc.trx, opts.actor, opts.followUpId, 'followup.record');
    requireOpen(row);
    const at = occurred(b.occurredAt, uc.now, notBeforeOf(row));
    await addAttempt(uc.trx, {
      id: newId(),
      estate_id: row.estate_id,
      followup_id: row.id,
      at,
      method: b.method,
      note: b.note ?? null,
      by_id: opts.actor.id,
    });
    await uc.history({
      estateId: row.estate_id,
      entityType: FOLLOW_UP,
      entityId: row.id,
      action: 'attempt',
      before: null,
      after: { at, method: b.method, note: b.note ?? null },
    });
    uc.live(changed(row.estate_id, 'followup.changed', row.id));
  });
  return presentFollowUpById(ctx.db, opts.followUpId, ctx.clock.now());
}
