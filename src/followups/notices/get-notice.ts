import type { Actor } from '../../auth/index.js';
import type { AppContext } from '../../platform/context.js';
import { presentReadableNotice } from './access.js';

export async function getRectificationNotice(ctx: AppContext, opts: { actor: Actor; noticeId: string }) {
  return presentReadableNotice(ctx.db, opts.actor, opts.noticeId);
}
