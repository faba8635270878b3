import { type Actor, can, requireAbility } from '../../auth/index.js';
import type { AppContext } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
import { runUseCase, type UseCase } from '../../platform/use-case.js';
import { presentNotice } from '../present.js';
import { type Db, type FollowUpAbility, refuse } from '../shared.js';
import { findNotice, type NoticeRow } from '../store/notices.js';

/**
 * A notice the actor may read: the office reads every notice of the estate (`notice.read`);
 * anyone else only the notices addressed to them (`notice.read.own`), and another's answers 404
 * exactly like a missing one.
 */
export async function readableNotice(db: Db, actor: Actor, noticeId: string, ability: FollowUpAbility = 'notice.read') {
  const row = await findNotice(db, noticeId);
  if (!row) throw notFound('rectification notice');
  // A resident is never a notice's recipient: they are refused the operation's own ability.
  if (actor.kind === 'resident') requireAbility(actor, row.estate_id, ability, 'rectification notice');
  requireAbility(actor, row.estate_id, 'notice.read.own', 'rectification notice');
  if (row.recipient_id !== actor.id && !can(actor, row.estate_id, 'notice.read')) throw notFound('rectification notice');
  return row;
}

/**
 * A notice the actor may act on: `ability` is what acting on another's notice needs; with
 * `recipientMay` the recipient acts on their own without it.
 */
export async function noticeFor(db: Db, actor: Actor, noticeId: string, access: { ability: FollowUpAbility; recipientMay: boolean }) {
  const row = await readableNotice(db, actor, noticeId, access.ability);
  if (!(access.recipientMay && row.recipient_id === actor.id)) requireAbility(actor, row.estate_id, access.ability, 'rectification notice');
  return row;
}

export async function presentReadableNotice(db: Db, actor: Actor, noticeId: string) {
  return presentNotice(await readableNotice(db, actor, noticeId));
}

export function requireLive(row: NoticeRow) {
  if (row.voided_at) throw refuse('notice.void', 'the notice is void');
}

/**
 * A use case changing one live notice, as the routes call it: `(ctx, { actor, noticeId, body })`.
 * The notice is read in the use case's transaction under `access`, changed by `fn`, and answered
 * as the actor may read it afterwards.
 */
export function noticeChange<B>(
  access: { ability: FollowUpAbility; recipientMay: boolean },
  fn: (uc: UseCase, row: NoticeRow, input: { ctx: AppContext; actor: Actor; body: B }) => Promise<void>,
) {
  return async (ctx: AppContext, { actor, noticeId, body }: { actor: Actor; noticeId: string; body: B }) => {
    await runUseCase(ctx, { actorId: actor.id }, async (uc) => {
      const row = await noticeFor(uc.trx, actor, noticeId, access);
      requireLive(row);
      await fn(uc, row, { ctx, actor, body });
    });
    return presentReadableNotice(ctx.db, actor, noticeId);
  };
}
