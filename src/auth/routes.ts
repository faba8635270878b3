import { z } from 'zod';
import { ChangePasswordBody, LoginBody, ResetPasswordBody, ResetPasswordResult, SessionInfo } from '../contract/auth.js';
import { Id, Ok } from '../contract/common.js';
import type { AppContext } from '../platform/context.js';
import { AppError } from '../platform/errors.js';
import type { App } from '../platform/http/app.js';
import { errorResponses } from '../platform/http/errors.js';
import { cookieOptions, RESIDENT_COOKIE, SESSION_COOKIE } from './cookies.js';
import { type Actor, COMPANY_ABILITIES, ESTATE_ABILITIES } from './policy.js';
import { authenticateResident } from './residents/session.js';
import { registerResidentAccountRoutes } from './residents.routes.js';
import { authenticate, changePassword, csrfMatches, login, logout, resetPassword, sessionInfo } from './service.js';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
}

export { SESSION_COOKIE };

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The signed-in actor of a request; routes behind the auth hook always have one. */
export function actorOf(request: { actor: Actor | null }): Actor {
  if (!request.actor) throw new AppError('auth.required', 'sign in first');
  return request.actor;
}

/**
 * Sessions and CSRF for every /api/v1 route: the cookie names a session kept in the
 * database; every state-changing request must carry that session's CSRF token.
 */
export function registerAuth(api: App, ctx: AppContext): void {
  api.decorateRequest('actor', null);
  // Every operation names the ability it needs, so the access matrix can be read off the document.
  api.addHook('onRoute', (route) => {
    if (route.config?.public || route.method === 'HEAD' || route.schema?.hide) return;
    const ability = route.config?.ability;
    if (
      ability !== 'self' &&
      !(ESTATE_ABILITIES as string[]).includes(ability ?? '') &&
      !(COMPANY_ABILITIES as string[]).includes(ability ?? '')
    )
      throw new Error(`route ${String(route.method)} ${route.url} names no known ability (config.ability: ${ability ?? 'missing'})`);
  });
  api.addHook('onRequest', async (request) => {
    const token = request.cookies[SESSION_COOKIE];
    const residentToken = request.cookies[RESIDENT_COOKIE];
    const config = request.routeOptions.config;
    // A browser may hold both sessions (a staff member trying the portal): the portal's routes
    // act for the resident, every other route for the staff member.
    const staff = async () => (token ? authenticate(ctx, token) : null);
    const resident = async () => (residentToken ? authenticateResident(ctx, residentToken) : null);
    const forResidents = config?.audience === 'resident' || String(config?.ability ?? '').startsWith('portal.');
    request.actor = forResidents ? ((await resident()) ?? (await staff())) : ((await staff()) ?? (await resident()));
    if (config?.public) return;
    if (!request.actor) throw new AppError('auth.required', 'sign in first');
    if (config?.ability === 'self') {
      if (config.audience === 'resident' && request.actor.kind !== 'resident')
        throw new AppError('auth.residents_only', 'only a signed-in resident may do this');
      if (config.audience !== 'resident' && request.actor.kind !== 'staff') throw new AppError('auth.staff_only', 'only staff may do this');
    }
    if (MUTATING.has(request.method) && !csrfMatches(request.actor, request.headers['x-csrf-token'] as string | undefined)) {
      throw new AppError('auth.csrf_mismatch', 'X-CSRF-Token header missing or wrong', { field: 'X-CSRF-Token' });
    }
  });

  registerResidentAccountRoutes(api, ctx);

  api.post(
    '/auth/login',
    {
      config: { public: true },
      schema: {
        operationId: 'login',
        tags: ['auth'],
        summary: 'Sign in with username and password; sets the session cookie',
        body: LoginBody,
        response: { 200: SessionInfo, ...errorResponses },
      },
    },
    async (request, reply) => {
      const result = await login(ctx, {
        username: request.body.username,
        password: request.body.password,
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? null,
        previousToken: request.cookies[SESSION_COOKIE],
      });
      reply.setCookie(SESSION_COOKIE, result.token, cookieOptions(request.protocol === 'https'));
      return result.session;
    },
  );

  api.post(
    '/auth/logout',
    {
      config: { ability: 'self' },
      schema: {
        operationId: 'logout',
        tags: ['auth'],
        summary: 'End this session',
        body: z.strictObject({}).optional(),
        response: { 200: Ok, ...errorResponses },
      },
    },
    async (request, reply) => {
      await logout(ctx, actorOf(request));
      reply.clearCookie(SESSION_COOKIE, cookieOptions(request.protocol === 'https'));
      return { ok: true as const };
    },
  );

  api.get(
    '/auth/session',
    {
      config: { ability: 'self' },
      schema: {
        operationId: 'getSession',
        tags: ['auth'],
        summary: 'Who is signed in, their estates and the CSRF token',
        response: { 200: SessionInfo, ...errorResponses },
      },
    },
    async (request) => sessionInfo(ctx, actorOf(request)),
  );

  api.post(
    '/auth/password',
    {
      config: { ability: 'self' },
      schema: {
        operationId: 'changePassword',
        tags: ['auth'],
        summary: 'Change your own password; ends your other sessions',
        body: ChangePasswordBody,
        response: { 200: Ok, ...errorResponses },
      },
    },
    async (request) => {
      await changePassword(ctx, { actor: actorOf(request), ...request.body });
      return { ok: true as const };
    },
  );

  api.post(
    '/staff/:staffId/password',
    {
      config: { ability: 'staff.password.reset' },
      schema: {
        operationId: 'resetStaffPassword',
        tags: ['staff'],
        summary: "Admin: set a staff member's password (generated when not given); ends their sessions",
        params: z.strictObject({ staffId: Id }),
        body: ResetPasswordBody,
        response: { 200: ResetPasswordResult, ...errorResponses },
      },
    },
    async (request) =>
      resetPassword(ctx, { actor: actorOf(request), staffId: request.params.staffId, newPassword: request.body.newPassword }),
  );
}
