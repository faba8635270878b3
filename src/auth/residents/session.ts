import { randomBytes } from 'node:crypto';
import type { Locale } from '../../contract/common.js';
import type { ResidentSessionInfo } from '../../contract/portal.js';
import { findEstate, residentForAccount, unitsOfResidents } from '../../directory/index.js';
import type { AppContext } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/errors.js';
import { sessionTouchAfterMs } from '../limits.js';
import { type Actor, abilitiesIn, type ResidentIdentity } from '../policy.js';
import * as store from '../residents.store.js';
import { sha256 } from '../service.js';

/** A resident's session as the sign-in answers it: the cookie's token and what the portal shows. */
export interface ResidentSignIn {
  token: string;
  session: ResidentSessionInfo;
}

const unitLabel = (u: { building: string; number: string }) => `${u.building} ${u.number}`;

/**
 * The actor a resident's session acts for: the role `resident` in the estate of their record,
 * over the units the directory lists for them now (a resident who moves out loses the unit at
 * once). A disabled account, or one whose resident has no unit, acts for no one.
 */
async function residentActor(ctx: AppContext, accountId: string, sessionId: string, csrfToken: string): Promise<Actor | null> {
  const account = await store.accountById(ctx.db, accountId);
  if (!account || account.disabled_at || !account.activated_at) return null;
  const units = await unitsOfResidents(ctx.db, [account.resident_id]);
  return {
    kind: 'resident',
    id: account.id,
    username: account.login ?? '',
    name: '',
    surname: '',
    role: 'resident',
    roles: { [account.estate_id]: 'resident' },
    locale: account.locale,
    estateIds: [account.estate_id],
    allEstates: false,
    sessionId,
    csrfToken,
    resident: { accountId: account.id, residentId: account.resident_id, estateId: account.estate_id, unitIds: units.map((u) => u.id) },
  };
}

/** Opens a session for an account that has just proved who it is; the session a browser had before never survives. */
export async function startResidentSession(
  ctx: AppContext,
  accountId: string,
  opts: { ip: string; userAgent: string | null; previousToken?: string | undefined },
): Promise<ResidentSignIn> {
  const now = ctx.clock.now().toISOString();
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  await ctx.db.transaction().execute(async (trx) => {
    if (opts.previousToken) await store.deleteResidentSession(trx, sha256(opts.previousToken));
    await store.insertResidentSession(trx, {
      id: sha256(token),
      account_id: accountId,
      csrf_token: csrfToken,
      created_at: now,
      last_seen_at: now,
      ip: opts.ip,
      user_agent: opts.userAgent?.slice(0, 300) ?? null,
    });
    await store.updateAccount(trx, accountId, { last_sign_in_at: now });
  });
  const actor = await residentActor(ctx, accountId, sha256(token), csrfToken);
  if (!actor) throw new AppError('auth.invalid_credentials', 'wrong login or password');
  return { token, session: await residentSessionInfo(ctx, actor) };
}

/** The resident behind a session cookie, or null when it is unknown, ended or idle too long. */
export async function authenticateResident(ctx: AppContext, token: string): Promise<Actor | null> {
  const id = sha256(token);
  const session = await store.findResidentSession(ctx.db, id);
  if (!session) return null;
  const now = ctx.clock.now();
  const idleMs = now.getTime() - new Date(session.last_seen_at).getTime();
  const idleLimitMs = ctx.config.sessionIdleMinutes * 60_000;
  if (idleMs > idleLimitMs) {
    await store.deleteResidentSession(ctx.db, id);
    return null;
  }
  if (idleMs > sessionTouchAfterMs(idleLimitMs)) await store.touchResidentSession(ctx.db, id, now.toISOString());
  return residentActor(ctx, session.account_id, id, session.csrf_token);
}

/** The signed-in resident's own account, or a refusal for staff. */
export function residentOf(actor: Actor) {
  if (actor.kind !== 'resident' || !actor.resident) throw new AppError('auth.residents_only', 'only a signed-in resident may do this');
  return actor.resident;
}

/** A record of an estate that may name a unit and a resident: a case, or what hangs on one. */
export interface UnitRecord {
  estate_id: string;
  unit_id: string | null;
  resident_id: string | null;
}

/** R-PT-1: is this record the resident's: of their estate, and of one of their units or naming them? */
export function isResidentsRecord(resident: ResidentIdentity, record: UnitRecord): boolean {
  if (record.estate_id !== resident.estateId) return false;
  return (record.unit_id !== null && resident.unitIds.includes(record.unit_id)) || record.resident_id === resident.residentId;
}

/**
 * R-PT-1: a resident acts only on the records of their own units; any other answers 404, exactly
 * like a missing one, so nothing tells them it exists.
 */
export function requireResidentsRecord(actor: Actor, record: UnitRecord, what: string): ResidentIdentity {
  const resident = residentOf(actor);
  if (!isResidentsRecord(resident, record)) throw notFound(what);
  return resident;
}

export async function residentSessionInfo(ctx: AppContext, actor: Actor): Promise<ResidentSessionInfo> {
  const me = residentOf(actor);
  const account = await store.accountById(ctx.db, me.accountId);
  const estate = await findEstate(ctx.db, me.estateId);
  if (!estate) throw notFound('estate');
  const units = await unitsOfResidents(ctx.db, [me.residentId]);
  const name = (await residentForAccount(ctx.db, me.estateId, me.residentId))?.name ?? '';
  return {
    account: {
      id: me.accountId,
      residentId: me.residentId,
      name,
      login: account?.login ?? null,
      locale: (account?.locale ?? 'zh-Hant') as Locale,
      hasPassword: Boolean(account?.password_hash),
    },
    estate: { id: estate.id, code: estate.code, name: estate.name, officeName: estate.office_name, timeZone: estate.time_zone },
    units: units.map((u) => ({ id: u.id, label: unitLabel(u), building: u.building, number: u.number })),
    abilities: abilitiesIn(actor, me.estateId),
    csrfToken: actor.csrfToken,
  };
}

export async function logoutResident(ctx: AppContext, actor: Actor): Promise<void> {
  await store.deleteResidentSession(ctx.db, actor.sessionId);
}
