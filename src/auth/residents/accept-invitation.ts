import type { z } from 'zod';
import type { AcceptInvitationBody } from '../../contract/portal.js';
import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { runUseCase } from '../../platform/use-case.js';
import { hashPassword } from '../passwords.js';
import * as store from '../residents.store.js';
import { reserveAttempt } from '../service.js';
import { markAttemptSucceeded } from '../store.js';
import { invitationHash } from './invite-resident.js';
import { type ResidentSignIn, startResidentSession } from './session.js';

export interface SignInRequest {
  ip: string;
  userAgent: string | null;
  previousToken?: string | undefined;
}

/** The one answer to every code that does not let the resident in: wrong, used, expired or unknown alike. */
export const invalidCode = () => new AppError('auth.invalid_code', 'the code is wrong, already used or expired');

/**
 * R-PT-1: a resident accepts the office's invitation with its code, once, before it expires,
 * optionally setting a password (otherwise they sign in with codes sent to their phone), and is
 * signed in. Tries are throttled per address like staff sign-ins.
 */
export async function acceptInvitation(
  ctx: AppContext,
  opts: SignInRequest & { body: z.infer<typeof AcceptInvitationBody> },
): Promise<ResidentSignIn> {
  const now = ctx.clock.now();
  const attemptId = await reserveAttempt(ctx, { account: 'resident-invitation', ip: opts.ip, now, throttled: true });
  const passwordHash = opts.body.password ? await hashPassword(opts.body.password, ctx.config.passwordHashCost) : null;
  const accountId = await runUseCase(ctx, { actorId: null }, async (uc) => {
    const code = await store.codeByHash(uc.trx, invitationHash(opts.body.code));
    if (code?.purpose !== 'invitation' || code.used_at || code.expires_at <= uc.at) return null;
    const account = await store.accountById(uc.trx, code.account_id);
    if (!account || account.disabled_at) return null;
    if (!(await store.spendCode(uc.trx, code.id, uc.at))) return null;
    await store.updateAccount(uc.trx, account.id, {
      activated_at: account.activated_at ?? uc.at,
      ...(passwordHash ? { password_hash: passwordHash } : {}),
      ...(opts.body.locale ? { locale: opts.body.locale } : {}),
      updated_at: uc.at,
    });
    await uc.history({
      estateId: account.estate_id,
      entityType: 'resident_account',
      entityId: account.id,
      action: 'activated',
      actorId: account.id,
      after: { activatedAt: uc.at, passwordSet: Boolean(passwordHash) },
    });
    return account.id;
  });
  if (!accountId) throw invalidCode();
  await markAttemptSucceeded(ctx.db, attemptId);
  return startResidentSession(ctx, accountId, opts);
}
