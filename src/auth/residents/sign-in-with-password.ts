import type { z } from 'zod';
import type { ResidentPasswordLoginBody } from '../../contract/portal.js';
import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { verifyPassword } from '../passwords.js';
import * as store from '../residents.store.js';
import { reserveAttempt } from '../service.js';
import { markAttemptSucceeded } from '../store.js';
import type { SignInRequest } from './accept-invitation.js';
import { loginOf } from './codes.js';
import { type ResidentSignIn, startResidentSession } from './session.js';

/**
 * R-PT-1: a resident signs in with their phone (or email) and password. A wrong password, an
 * unknown login, an account without a password or a closed one get the same answer, after the
 * same work; tries are throttled per login and address like staff sign-ins.
 */
export async function signInWithPassword(
  ctx: AppContext,
  opts: SignInRequest & { body: z.infer<typeof ResidentPasswordLoginBody> },
): Promise<ResidentSignIn> {
  const login = loginOf(opts.body.login);
  const attemptId = await reserveAttempt(ctx, { account: `resident:${login}`, ip: opts.ip, now: ctx.clock.now(), throttled: true });
  const account = await store.accountByLogin(ctx.db, login);
  const matches = await verifyPassword(account?.password_hash ?? null, opts.body.password, ctx.config.passwordHashCost);
  if (!matches || !account || account.disabled_at || !account.activated_at)
    throw new AppError('auth.invalid_credentials', 'wrong phone, email or password');
  await markAttemptSucceeded(ctx.db, attemptId);
  return startResidentSession(ctx, account.id, opts);
}
