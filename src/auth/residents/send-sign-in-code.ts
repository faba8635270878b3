import type { z } from 'zod';
import type { SignInCodeRequestBody, SignInCodeSent } from '../../contract/portal.js';
import { estateSettings } from '../../directory/index.js';
import type { AppContext } from '../../platform/context.js';
import { newId } from '../../platform/ids.js';
import { enqueue } from '../../platform/outbox/index.js';
import { runUseCase } from '../../platform/use-case.js';
import * as store from '../residents.store.js';
import { reserveAttempt, sha256 } from '../service.js';
import { CODE_RULES, codeMessage, loginOf, newSignInCode, normaliseCode } from './codes.js';

/** A sign-in code is kept hashed with its account: six digits repeat across accounts. */
export const signInCodeHash = (accountId: string, code: string) => sha256(`sign_in:${accountId}:${normaliseCode(code)}`);

/**
 * R-PT-1: sends a six-digit sign-in code to the phone (by the messaging gateway) or email an
 * account signs in with. The answer is the same whether the login is known or not, and every
 * request counts against the address like a failed sign-in, so nobody learns who has an account
 * or floods a phone; an account is sent at most five codes an hour whoever asks, and a new
 * code replaces the one before.
 */
export async function sendSignInCode(
  ctx: AppContext,
  opts: { ip: string; body: z.infer<typeof SignInCodeRequestBody> },
): Promise<z.infer<typeof SignInCodeSent>> {
  const login = loginOf(opts.body.login);
  await reserveAttempt(ctx, { account: `resident-code:${login}`, ip: opts.ip, now: ctx.clock.now(), throttled: true });
  const answer = { sent: true as const, expiresInMinutes: CODE_RULES.signInMinutes };
  const account = await store.accountByLogin(ctx.db, login);
  if (!account || account.disabled_at || !account.activated_at || !account.login) return answer;
  await runUseCase(ctx, { actorId: null }, async (uc) => {
    const hourAgo = new Date(uc.now.getTime() - 3_600_000).toISOString();
    if ((await store.codesSince(uc.trx, account.id, 'sign_in', hourAgo)) >= CODE_RULES.signInCodesPerHour) return;
    await store.retireCodes(uc.trx, account.id, 'sign_in', uc.at);
    const code = newSignInCode();
    const expiresAt = new Date(uc.now.getTime() + CODE_RULES.signInMinutes * 60_000).toISOString();
    const id = newId();
    await store.insertCode(uc.trx, {
      id,
      account_id: account.id,
      purpose: 'sign_in',
      code_hash: signInCodeHash(account.id, code),
      created_at: uc.at,
      expires_at: expiresAt,
      used_at: null,
      failed_attempts: 0,
    });
    const estate = await estateSettings(uc.trx, account.estate_id);
    const locale = account.locale === 'en' || account.locale === 'zh-Hans' ? account.locale : 'zh-Hant';
    const text = codeMessage('sign_in', locale, { office: estate.office_name, code, expiresAt, timeZone: estate.time_zone });
    const byEmail = account.login?.includes('@') ?? false;
    await enqueue(uc.trx, {
      estateId: account.estate_id,
      eventKey: `portal.sign_in_code:${id}`,
      channel: byEmail ? 'email' : 'webhook',
      recipient: account.login as string,
      subject: text.subject,
      body: text.body,
      payload: { kind: 'portal.sign_in_code' },
      at: uc.at,
    });
  });
  return answer;
}
