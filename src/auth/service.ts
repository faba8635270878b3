import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { sql, type Transaction } from 'kysely';
import type { SessionInfo } from '../contract/auth.js';
import type { Locale } from '../contract/common.js';
import type { Role } from '../contract/directory.js';
import type { AppContext } from '../platform/context.js';
import type { Database } from '../platform/db/schema.js';
import { AppError, notFound } from '../platform/errors.js';
import { recordChange } from '../platform/history.js';
import { newId } from '../platform/ids.js';
import { inNetworks, networkList } from '../platform/networks.js';
import { addressRetryAfterSeconds, LOGIN_LIMITS, pairRetryAfterSeconds, sessionTouchAfterMs } from './limits.js';
import { generatePassword, hashPassword, verifyPassword } from './passwords.js';
import { type Actor, abilitiesIn, COMPANY_ABILITIES, canInCompany, requireCompanyAbility, roleIn } from './policy.js';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export interface LoginResult {
  token: string;
  session: SessionInfo;
}

async function pairWait(trx: Transaction<Database>, account: string, ip: string, now: Date): Promise<number> {
  const pair = trx.selectFrom('login_attempts').where('account', '=', account).where('ip', '=', ip);
  const lastSuccess = await pair
    .select((eb) => eb.fn.max('at').as('at'))
    .where('succeeded', '=', 1)
    .executeTakeFirst();
  const memoryStart = new Date(now.getTime() - LOGIN_LIMITS.memoryMinutes * 60_000).toISOString();
  const since = lastSuccess?.at && lastSuccess.at > memoryStart ? lastSuccess.at : memoryStart;
  const failed = await pair
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('at').as('last')])
    .where('succeeded', '=', 0)
    .where('at', '>', since)
    .executeTakeFirstOrThrow();
  return pairRetryAfterSeconds(Number(failed.n), failed.last ?? null, now);
}

async function addressWait(trx: Transaction<Database>, ip: string, now: Date): Promise<number> {
  const since = new Date(now.getTime() - LOGIN_LIMITS.addressWindowMinutes * 60_000).toISOString();
  const recent = await trx
    .selectFrom('login_attempts')
    .select('at')
    .where('ip', '=', ip)
    .where('succeeded', '=', 0)
    .where('at', '>=', since)
    .orderBy('at', 'desc')
    .limit(LOGIN_LIMITS.perAddress)
    .execute();
  return addressRetryAfterSeconds(
    recent.map((r) => r.at),
    now,
  );
}

/**
 * Reserves a sign-in attempt before the password is checked: in one transaction the attempts of
 * the address are counted and, when none must wait, this one is written as a failure (turned
 * into a success once the password matches). On PostgreSQL the address's attempts queue on an
 * advisory lock; on SQLite the single connection serialises the transaction. So concurrent
 * guesses never get more password checks than the limits allow.
 */
async function reserveAttempt(ctx: AppContext, opts: { account: string; ip: string; now: Date; throttled: boolean }): Promise<string> {
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
    await trx
      .insertInto('login_attempts')
      .values({ id, account: opts.account, ip: opts.ip, at: opts.now.toISOString(), succeeded: 0 })
      .execute();
    return id;
  });
}

export async function login(
  ctx: AppContext,
  opts: { username: string; password: string; ip: string; userAgent: string | null; previousToken?: string | undefined },
): Promise<LoginResult> {
  const now = ctx.clock.now();
  const account = opts.username.toLowerCase();
  const staff = await ctx.db.selectFrom('staff').selectAll().where('username', '=', account).executeTakeFirst();
  // An admin at the office (ESTATEDESK_TRUSTED_NETWORKS) is never held back: someone guessing from
  // a shared address cannot keep the company's admin out.
  const trustedAdmin = staff?.role === 'admin' && inNetworks(opts.ip, networkList(ctx.config.trustedNetworks));
  const attemptId = await reserveAttempt(ctx, { account, ip: opts.ip, now, throttled: !trustedAdmin });
  const ok =
    (await verifyPassword(staff?.password_hash ?? null, opts.password, ctx.config.passwordHashCost)) && staff && !staff.disabled_at;
  if (!ok || !staff) throw new AppError('auth.invalid_credentials', 'wrong username or password');
  await ctx.db.updateTable('login_attempts').set({ succeeded: 1 }).where('id', '=', attemptId).execute();

  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  await ctx.db.transaction().execute(async (trx) => {
    // Rotation: the session a browser had before logging in never survives the login.
    if (opts.previousToken) await trx.deleteFrom('sessions').where('id', '=', sha256(opts.previousToken)).execute();
    await trx
      .insertInto('sessions')
      .values({
        id: sha256(token),
        staff_id: staff.id,
        csrf_token: csrfToken,
        created_at: now.toISOString(),
        last_seen_at: now.toISOString(),
        ip: opts.ip,
        user_agent: opts.userAgent?.slice(0, 300) ?? null,
      })
      .execute();
  });
  const actor = await actorFor(ctx, staff.id, sha256(token), csrfToken);
  if (!actor) throw new AppError('auth.invalid_credentials', 'wrong username or password');
  return { token, session: await sessionInfo(ctx, actor) };
}

export async function logout(ctx: AppContext, actor: Actor): Promise<void> {
  await ctx.db.deleteFrom('sessions').where('id', '=', actor.sessionId).execute();
}

async function actorFor(ctx: AppContext, staffId: string, sessionId: string, csrfToken: string): Promise<Actor | null> {
  const staff = await ctx.db
    .selectFrom('staff')
    .select(['id', 'username', 'name', 'surname', 'role', 'locale', 'disabled_at'])
    .where('id', '=', staffId)
    .executeTakeFirst();
  if (!staff || staff.disabled_at) return null;
  const role = staff.role as Role;
  const admin = role === 'admin';
  const memberships = admin
    ? []
    : await ctx.db.selectFrom('staff_estates').select(['estate_id', 'role']).where('staff_id', '=', staff.id).execute();
  const estateIds = admin
    ? (await ctx.db.selectFrom('estates').select('id').execute()).map((e) => e.id)
    : memberships.filter((m) => m.role).map((m) => m.estate_id);
  return {
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
  };
}

/** The actor behind a session cookie, or null when it is unknown, ended or idle too long. */
export async function authenticate(ctx: AppContext, token: string): Promise<Actor | null> {
  const id = sha256(token);
  const session = await ctx.db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
  if (!session) return null;
  const now = ctx.clock.now();
  const idleMs = now.getTime() - new Date(session.last_seen_at).getTime();
  const idleLimitMs = ctx.config.sessionIdleMinutes * 60_000;
  if (idleMs > idleLimitMs) {
    await ctx.db.deleteFrom('sessions').where('id', '=', id).execute();
    return null;
  }
  if (idleMs > sessionTouchAfterMs(idleLimitMs)) {
    await ctx.db.updateTable('sessions').set({ last_seen_at: now.toISOString() }).where('id', '=', id).execute();
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
  let q = ctx.db.selectFrom('estates').select(['id', 'code', 'name', 'time_zone', 'office_name']).orderBy('name');
  if (!actor.allEstates) q = actor.estateIds.length ? q.where('id', 'in', actor.estateIds) : q.where('id', '=', '');
  const estates = await q.execute();
  return {
    staff: {
      id: actor.id,
      username: actor.username,
      name: actor.name,
      surname: actor.surname,
      role: actor.role,
      locale: actor.locale as Locale,
    },
    estates: estates.map((e) => ({
      id: e.id,
      code: e.code,
      name: e.name,
      timeZone: e.time_zone,
      officeName: e.office_name,
      role: roleIn(actor, e.id) ?? actor.role,
      abilities: abilitiesIn(actor, e.id),
    })),
    companyAbilities: COMPANY_ABILITIES.filter((a) => canInCompany(actor, a)),
    csrfToken: actor.csrfToken,
  };
}

/** A password change ends every other session of that person. */
export async function changePassword(ctx: AppContext, opts: { actor: Actor; currentPassword: string; newPassword: string }): Promise<void> {
  const staff = await ctx.db.selectFrom('staff').select('password_hash').where('id', '=', opts.actor.id).executeTakeFirstOrThrow();
  if (!(await verifyPassword(staff.password_hash, opts.currentPassword, ctx.config.passwordHashCost))) {
    throw new AppError('auth.password_mismatch', 'currentPassword: does not match', { field: 'currentPassword' });
  }
  const hashed = await hashPassword(opts.newPassword, ctx.config.passwordHashCost);
  const at = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('staff')
      .set({ password_hash: hashed, password_changed_at: at, updated_at: at })
      .where('id', '=', opts.actor.id)
      .execute();
    await trx.deleteFrom('sessions').where('staff_id', '=', opts.actor.id).where('id', '!=', opts.actor.sessionId).execute();
    await recordChange(trx, {
      estateId: null,
      actorId: opts.actor.id,
      at,
      entityType: 'staff',
      entityId: opts.actor.id,
      action: 'password.changed',
      after: { passwordChangedAt: at },
    });
  });
}

/** An admin sets a new password (given or generated) and ends all of that person's sessions. */
export async function resetPassword(
  ctx: AppContext,
  opts: { actor: Actor; staffId: string; newPassword?: string | undefined },
): Promise<{ temporaryPassword: string | null }> {
  requireCompanyAbility(opts.actor, 'staff.password.reset');
  const target = await ctx.db.selectFrom('staff').select('id').where('id', '=', opts.staffId).executeTakeFirst();
  if (!target) throw notFound('staff');
  const generated = opts.newPassword ? null : generatePassword();
  const hashed = await hashPassword(opts.newPassword ?? (generated as string), ctx.config.passwordHashCost);
  const at = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('staff')
      .set({ password_hash: hashed, password_changed_at: at, updated_at: at })
      .where('id', '=', opts.staffId)
      .execute();
    await trx.deleteFrom('sessions').where('staff_id', '=', opts.staffId).execute();
    await recordChange(trx, {
      estateId: null,
      actorId: opts.actor.id,
      at,
      entityType: 'staff',
      entityId: opts.staffId,
      action: 'password.reset',
      after: { passwordChangedAt: at },
    });
  });
  return { temporaryPassword: generated };
}
