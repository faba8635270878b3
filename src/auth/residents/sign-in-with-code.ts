import type { z } from 'zod';
import type { ResidentCodeLoginBody } from '../../contract/portal.js';
import type { AppContext } from '../../platform/context.js';
import { runUseCase } from '../../platform/use-case.js';
import * as store from '../residents.store.js';
import { reserveAttempt } from '../service.js';
import { markAttemptSucceeded } from '../store.js';
import { invalidCode, type SignInRequest } from './accept-invitation.js';
import { CODE_RULES, loginOf } from './codes.js';
import { signInCodeHash } from './send-sign-in-code.js';
import { type ResidentSignIn, startResidentSession } from './session.js';

/**
 * R-PT-1: a resident signs in with the code sent to their phone: once, within ten minutes, and
 * a code tried wrongly five times is spent. An unknown login and a wrong code get the same answer;
 * tries are throttled per login and address.
 */
export async function signInWithCode(
  ctx: AppContext,
  opts: SignInRequest & { body: z.infer<typeof ResidentCodeLoginBody> },
): Promise<ResidentSignIn> {
  const login = loginOf(opts.body.login);
  const attemptId = await reserveAttempt(ctx, { account: `resident:${login}`, ip: opts.ip, now: ctx.clock.now(), throttled: true });
  const accountId = await runUseCase(ctx, { actorId: null }, async (uc) => {
    const account = await store.accountByLogin(uc.trx, login);
    if (!account || account.disabled_at || !account.activated_at) return null;
    const code = await store.openCode(uc.trx, account.id, 'sign_in');
    if (!code || code.expires_at <= uc.at) return null;
    if (code.code_hash !== signInCodeHash(account.id, opts.body.code)) {
      await store.countFailure(uc.trx, code.id, CODE_RULES.signInCodeTries, uc.at);
      return null;
    }
    return (await store.spendCode(uc.trx, code.id, uc.at)) ? account.id : null;
  });
  if (!accountId) throw invalidCode();
  await markAttemptSucceeded(ctx.db, attemptId);
  return startResidentSession(ctx, accountId, opts);
}
