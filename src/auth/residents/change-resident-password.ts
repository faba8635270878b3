import type { z } from 'zod';
import type { ResidentPasswordBody } from '../../contract/portal.js';
import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { runUseCase } from '../../platform/use-case.js';
import { hashPassword, verifyPassword } from '../passwords.js';
import type { Actor } from '../policy.js';
import * as store from '../residents.store.js';
import { residentOf } from './session.js';

/** A resident sets or changes their password (the current one is needed once there is one); their other sessions end. */
export async function changeResidentPassword(ctx: AppContext, opts: { actor: Actor; body: z.infer<typeof ResidentPasswordBody> }) {
  const me = residentOf(opts.actor);
  const account = await store.accountById(ctx.db, me.accountId);
  if (account?.password_hash) {
    const current = opts.body.currentPassword ?? '';
    if (!(await verifyPassword(account.password_hash, current, ctx.config.passwordHashCost)))
      throw new AppError('auth.password_mismatch', 'currentPassword: does not match', { field: 'currentPassword' });
  }
  const hashed = await hashPassword(opts.body.newPassword, ctx.config.passwordHashCost);
  await runUseCase(ctx, { actorId: me.accountId }, async (uc) => {
    await store.updateAccount(uc.trx, me.accountId, { password_hash: hashed, updated_at: uc.at });
    await store.deleteResidentSessionsOf(uc.trx, me.accountId, opts.actor.sessionId);
    await uc.history({
      estateId: me.estateId,
      entityType: 'resident_account',
      entityId: me.accountId,
      action: 'password.changed',
      after: { passwordChangedAt: uc.at },
    });
  });
  return { ok: true as const };
}
