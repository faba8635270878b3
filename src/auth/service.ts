import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { sql, type Transaction } from 'kysely';
import type { SessionInfo } from '../contract/auth.js';
import type { Locale } from '../contract/common.js';
import type { Role } from '../contract/directory.js';
import {
  accountById,
  accountByUsername,
  allEstateIds,
  estateRolesOf,
  estatesForSession,
  passwordHashOf,
  setPassword,
  staffExists,
} from '../directory/index.js';
import type { AppContext } from '../platform/context.js';
import type { Database } from '../platform/db/schema.js';
import { AppError, notFound } from '../platform/errors.js';
import { newId } from '../platform/ids.js';
import { inNetworks, networkList } from '../platform/networks.js';
import { runUseCase } from '../platform/use-case.js';
import { addressRetryAfterSeconds, LOGIN_LIMITS, pairRetryAfterSeconds, sessionTouchAfterMs } from './limits.js';
import { generatePassword, hashPassword, verifyPassword } from './passwords.js';
import { type Actor, abilitiesIn, COMPANY_ABILITIES, canInCompany, requireCompanyAbility, roleIn } from './policy.js';
import * as store from './store.js';

export const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export interface LoginResult {
  token: string;
  session: SessionInfo;
}

async function pairWait(trx: Transaction<Database>, account: string, ip: string, now: Date): Promise<number> {
  const lastSuccess = await store.lastSuccessAt(trx, account, ip);
  const memoryStart = new Date(now.getTime() - LOGIN_LIMITS.memoryMinutes * 60_000).toISOString();
  const since = lastSuccess && lastSuccess > memoryStart ? lastSuccess : memoryStart;
  const failed = await store.failuresSince(trx, account, ip, since);
  return pairRetryAfterSeconds(failed.count, failed.last, now);
}

async function addressWait(trx: Transaction<Database>, ip: string, now: Date): Promise<number> {
  const since = new Date(now.getTime() - LOGIN_LIMITS.addressWindowMinutes * 60_000).toISOString();
  return addressRetryAfterSeconds(await store.addressFailures(trx, ip, since, LOGIN_LIMITS.perAddress), now);
}

/**
 * Reserves a sign-in attempt before the password is checked: in one transaction the attempts of
 * the address are counted and, when none must wait, this one is written as a failure (turned
 * into a success once the password matches). On PostgreSQL the address's attempts queue on an
 * advisory lock; on SQLite the single connection serialises the transaction. So concurrent
 * guesses never get more password checks than the limits allow.
 */
export async function reserveAttempt(
  ctx: AppContext,
  opts: { account: string; ip: string; now: Date; throttled: boolean },
): Promise<string> {
  return ctx.db.transaction().execute(async (trx) => {
    if (ctx.engine === 'postgres') await sql`select pg_advisory_xact_lock(hashtextextended(${`login:${opts.ip}`}, 0))`.execute(trx);
    if (opts.throttled) {
      const wait = Math.max(await pairWait(trx, opts.account, opts.ip, opts.now), await addressWait(trx, opts.ip, opts.now));
      if (wait > 0)
        throw new AppError('auth.too_many_attempts', `too many failed sign-ins from this address; try again in ${wait} s`, {
          retryAfterSeconds: wait,
        });
    }
    const id = newId();
    await store.insertAttempt(trx, { id, account: opts.account, ip: opts.ip, at: opts.now.toISOString(), succeeded: 0 });
    return id;
  });
}

export async function login(
  ctx: AppContext,
  opts: { username: string; password: string; ip: string; userAgent: string | null; previousToken?: string | undefined },
): Promise<LoginResult> {
  const now = ctx.clock.now();
  const account = opts.username.toLowerCase();
  const staff = await accountByUsername(ctx.db, account);
  // An admin at the office (ESTATEDESK_TRUSTED_NETWORKS) is never held back: someone guessing from
  // a shared address cannot keep the company's admin out.
  const trustedAdmin = staff?.role === 'admin' && inNetworks(opts.ip, networkList(ctx.config.trustedNetworks));
  const attemptId = await reserveAttempt(ctx, { account, ip: opts.ip, now, throttled: !trustedAdmin });
  const ok =
    (await verifyPassword(staff?.password_hash ?? null, opts.password, ctx.config.passwordHashCost)) && staff && !staff.disabled_at;
  if (!ok || !staff) throw new AppError('auth.invalid_credentials', 'wrong username or password');
  await store.markAttemptSucceeded(ctx.db, attemptId);

  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  await ctx.db.transaction().execute(async (trx) => {
    // Rotation: the session a browser had before logging in never survives the login.
    if (opts.previousToken) await store.deleteSession(trx, sha256(opts.previousToken));
    await store.insertSession(trx, {
      id: sha256(token),
      staff_id: staff.id,
      csrf_token: csrfToken,
      created_at: now.toISOString(),
      last_seen_at: now.toISOString(),
      ip: opts.ip,
      user_agent: opts.userAgent?.slice(0, 300) ?? null,
    });
  });
  const actor = await actorFor(ctx, staff.id, sha256(token), csrfToken);
  if (!actor) throw new AppError('auth.invalid_credentials', 'wrong username or password');
  return { token, session: await sessionInfo(ctx, actor) };
}

export async function logout(ctx: AppContext, actor: Actor): Promise<void> {
  await store.deleteSession(ctx.db, actor.sessionId);
}

async function actorFor(ctx: AppContext, staffId: string, sessionId: string, csrfToken: string): Promise<Actor | null> {
  const staff = await accountById(ctx.db, staffId);
  if (!staff || staff.disabled_at) return null;
  const role = staff.role as Role;
  const admin = role === 'admin';
  const memberships = admin ? [] : await estateRolesOf(ctx.db, staff.id);
  const estateIds = admin ? await allEstateIds(ctx.db) : memberships.filter((m) => m.role).map((m) => m.estate_id);
  return {
    kind: 'staff',
    id: staff.id,
    username: staff.username,
    name: staff.name,
    surname: staff.surname,
    role,
    roles: Object.fromEntries(memberships.filter((m) => m.role).map((m) => [m.estate_id, m.role as Role])),
    locale: staff.locale,
    estateIds,
    allEstates: admin,
    sessionId,
    csrfToken,
    resident: null,
  };
}

/** The actor behind a session cookie, or null when it is unknown, ended or idle too long. */
export async function authenticate(ctx: AppContext, token: string): Promise<Actor | null> {
  const id = sha256(token);
  const session = await store.findSession(ctx.db, id);
  if (!session) return null;
  const now = ctx.clock.now();
  const idleMs = now.getTime() - new Date(session.last_seen_at).getTime();
  const idleLimitMs = ctx.config.sessionIdleMinutes * 60_000;
  if (idleMs > idleLimitMs) {
    await store.deleteSession(ctx.db, id);
    return null;
  }
  if (idleMs > sessionTouchAfterMs(idleLimitMs)) {
    await store.touchSession(ctx.db, id, now.toISOString());
  }
  return actorFor(ctx, session.staff_id, id, session.csrf_token);
}

export function csrfMatches(actor: Actor, header: string | undefined): boolean {
  if (!header) return false;
  const a = Buffer.from(header);
  const b = Buffer.from(actor.csrfToken);
  return a.length === b.length && timingSafeEqual(a, b);
}

export async function sessionInfo(ctx: AppContext, actor: Actor): Promise<SessionInfo> {
  const role = staffRole(actor);
  const estates = await estatesForSession(ctx.db, actor.allEstates ? 'all' : actor.estateIds);
  return {
    staff: {
      id: actor.id,
      username: actor.username,
      name: actor.name,
      surname: actor.surname,
      role,
      locale: actor.locale as Locale,
    },
    estates: estates.map((e) => ({
      id: e.id,
      code: e.code,
      name: e.name,
      timeZone: e.time_zone,
      officeName: e.office_name,
      role: (roleIn(actor, e.id) as Role | undefined) ?? role,
      abilities: abilitiesIn(actor, e.id),
    })),
    companyAbilities: COMPANY_ABILITIES.filter((a) => canInCompany(actor, a)),
    csrfToken: actor.csrfToken,
  };
}

/** The staff member's company-level role; a resident is refused what only staff may do. */
export function staffRole(actor: Actor): Role {
  if (actor.kind !== 'staff' || actor.role === 'resident') throw new AppError('auth.staff_only', 'only staff may do this');
  return actor.role;
}

/** A password change ends every other session of that person. */
export async function changePassword(ctx: AppContext, opts: { actor: Actor; currentPassword: string; newPassword: string }): Promise<void> {
  staffRole(opts.actor);
  const passwordHash = await passwordHashOf(ctx.db, opts.actor.id);
  if (passwordHash === undefined) throw notFound('staff');
  if (!(await verifyPassword(passwordHash, opts.currentPassword, ctx.config.passwordHashCost))) {
    throw new AppError('auth.password_mismatch', 'currentPassword: does not match', { field: 'currentPassword' });
  }
  const hashed = await hashPassword(opts.newPassword, ctx.config.passwordHashCost);
  await runUseCase(ctx, { actorId: opts.actor.id }, async (uc) => {
    await setPassword(uc.trx, opts.actor.id, hashed, uc.at);
    await store.deleteSessionsOf(uc.trx, opts.actor.id, opts.actor.sessionId);
    await uc.history({
      estateId: null,
      entityType: 'staff',
      entityId: opts.actor.id,
      action: 'password.changed',
      after: { passwordChangedAt: uc.at },
    });
  });
}

/** An admin sets a new password (given or generated) and ends all of that person's sessions. */
export async function resetPassword(
  ctx: AppContext,
  opts: { actor: Actor; staffId: string; newPassword?: string | undefined },
): Promise<{ temporaryPassword: string | null }> {
  requireCompanyAbility(opts.actor, 'staff.password.reset');
  if (!(await staffExists(ctx.db, opts.staffId))) throw notFound('staff');
  const generated = opts.newPassword ? null : generatePassword();
  const hashed = await hashPassword(opts.newPassword ?? (generated as string), ctx.config.passwordHashCost);
  await runUseCase(ctx, { actorId: opts.actor.id }, async (uc) => {
    await setPassword(uc.trx, opts.staffId, hashed, uc.at);
    await store.deleteSessionsOf(uc.trx, opts.staffId);
    await uc.history({
      estateId: null,
      entityType: 'staff',
      entityId: opts.staffId,
      action: 'password.reset',
      after: { passwordChangedAt: uc.at },
    });
  });
  return { temporaryPassword: generated };
}
