import { z } from 'zod';
import { Id, Ok } from '../contract/common.js';
import {
  AcceptInvitationBody,
  InviteResidentBody,
  ListResidentAccountsQuery,
  ResidentAccountPage,
  ResidentCodeLoginBody,
  ResidentInvitation,
  ResidentPasswordBody,
  ResidentPasswordLoginBody,
  ResidentSessionInfo,
  SignInCodeRequestBody,
  SignInCodeSent,
} from '../contract/portal.js';
import type { AppContext } from '../platform/context.js';
import type { App } from '../platform/http/app.js';
import { errorResponses } from '../platform/http/errors.js';
import { cookieOptions, RESIDENT_COOKIE } from './cookies.js';
import { operation } from './operation.js';
import { acceptInvitation } from './residents/accept-invitation.js';
import { changeResidentPassword } from './residents/change-resident-password.js';
import { disableResidentAccount } from './residents/disable-resident-account.js';
import { inviteResident } from './residents/invite-resident.js';
import { listResidentAccounts } from './residents/list-resident-accounts.js';
import { sendSignInCode } from './residents/send-sign-in-code.js';
import { logoutResident, type ResidentSignIn, residentSessionInfo } from './residents/session.js';
import { signInWithCode } from './residents/sign-in-with-code.js';
import { signInWithPassword } from './residents/sign-in-with-password.js';
import { actorOf } from './routes.js';

/**
 * Residents' accounts (R-PT-1): the office invites and lists them; a resident accepts an
 * invitation, signs in with a password or a code sent to their phone, and signs out. The
 * resident's session lives in its own cookie.
 */
export function registerResidentAccountRoutes(api: App, ctx: AppContext): void {
  const EstateParams = z.strictObject({ estateId: Id });

  operation(api, {
    method: 'get',
    url: '/estates/:estateId/resident-accounts',
    ability: 'resident.account.read',
    operationId: 'listResidentAccounts',
    tags: ['residents'],
    summary: "Residents' portal accounts: invited, active and closed, by name, phone or unit",
    params: EstateParams,
    querystring: ListResidentAccountsQuery,
    response: ResidentAccountPage,
    run: ({ actor, params, query }) => listResidentAccounts(ctx, { actor, estateId: params.estateId, query }),
  });

  operation(api, {
    method: 'post',
    url: '/estates/:estateId/residents/:residentId/portal-invitation',
    ability: 'resident.invite',
    operationId: 'inviteResident',
    tags: ['residents'],
    summary: 'Invite a resident to the portal with a one-time code that expires in 7 days (shown once, or sent by SMS or email)',
    params: z.strictObject({ estateId: Id, residentId: Id }),
    body: InviteResidentBody,
    response: ResidentInvitation,
    created: true,
    run: ({ actor, params, body }) => inviteResident(ctx, { actor, estateId: params.estateId, residentId: params.residentId, body }),
  });

  operation(api, {
    method: 'post',
    url: '/estates/:estateId/resident-accounts/:residentAccountId/disable',
    ability: 'resident.account.disable',
    operationId: 'disableResidentAccount',
    tags: ['residents'],
    summary: "Close a resident's portal account: its sessions end and its codes are spent",
    params: z.strictObject({ estateId: Id, residentAccountId: Id }),
    body: z.strictObject({}).optional(),
    response: Ok,
    run: ({ actor, params }) => disableResidentAccount(ctx, { actor, estateId: params.estateId, accountId: params.residentAccountId }),
  });

  const signedIn = (
    request: { protocol: string },
    reply: { setCookie: (n: string, v: string, o: object) => unknown },
    result: ResidentSignIn,
  ) => {
    reply.setCookie(RESIDENT_COOKIE, result.token, cookieOptions(request.protocol === 'https'));
    return result.session;
  };
  const requestOf = (request: { ip: string; headers: Record<string, unknown>; cookies: Record<string, string | undefined> }) => ({
    ip: request.ip,
    userAgent: (request.headers['user-agent'] as string | undefined) ?? null,
    previousToken: request.cookies[RESIDENT_COOKIE],
  });

  api.post(
    '/portal/auth/invitation',
    {
      config: { public: true },
      schema: {
        operationId: 'acceptResidentInvitation',
        tags: ['portal'],
        summary: "Accept the office's invitation with its code (once, before it expires), optionally set a password; signs in",
        body: AcceptInvitationBody,
        response: { 200: ResidentSessionInfo, ...errorResponses },
      },
    },
    async (request, reply) => signedIn(request, reply, await acceptInvitation(ctx, { ...requestOf(request), body: request.body })),
  );

  api.post(
    '/portal/auth/login',
    {
      config: { public: true },
      schema: {
        operationId: 'residentLogin',
        tags: ['portal'],
        summary: 'Sign in as a resident with phone (or email) and password',
        body: ResidentPasswordLoginBody,
        response: { 200: ResidentSessionInfo, ...errorResponses },
      },
    },
    async (request, reply) => signedIn(request, reply, await signInWithPassword(ctx, { ...requestOf(request), body: request.body })),
  );

  api.post(
    '/portal/auth/code',
    {
      config: { public: true },
      schema: {
        operationId: 'requestResidentSignInCode',
        tags: ['portal'],
        summary: 'Send a sign-in code to the phone or email an account signs in with; the answer never tells whether it exists',
        body: SignInCodeRequestBody,
        response: { 200: SignInCodeSent, ...errorResponses },
      },
    },
    async (request) => sendSignInCode(ctx, { ip: request.ip, body: request.body }),
  );

  api.post(
    '/portal/auth/code-login',
    {
      config: { public: true },
      schema: {
        operationId: 'residentCodeLogin',
        tags: ['portal'],
        summary: 'Sign in as a resident with the code sent to your phone or email',
        body: ResidentCodeLoginBody,
        response: { 200: ResidentSessionInfo, ...errorResponses },
      },
    },
    async (request, reply) => signedIn(request, reply, await signInWithCode(ctx, { ...requestOf(request), body: request.body })),
  );

  api.get(
    '/portal/session',
    {
      config: { ability: 'self', audience: 'resident' },
      schema: {
        operationId: 'getResidentSession',
        tags: ['portal'],
        summary: 'The signed-in resident, their estate and units, and the CSRF token',
        response: { 200: ResidentSessionInfo, ...errorResponses },
      },
    },
    async (request) => residentSessionInfo(ctx, actorOf(request)),
  );

  api.post(
    '/portal/auth/logout',
    {
      config: { ability: 'self', audience: 'resident' },
      schema: {
        operationId: 'residentLogout',
        tags: ['portal'],
        summary: "End the resident's session",
        body: z.strictObject({}).optional(),
        response: { 200: Ok, ...errorResponses },
      },
    },
    async (request, reply) => {
      await logoutResident(ctx, actorOf(request));
      reply.clearCookie(RESIDENT_COOKIE, cookieOptions(request.protocol === 'https'));
      return { ok: true as const };
    },
  );

  api.post(
    '/portal/auth/password',
    {
      config: { ability: 'self', audience: 'resident' },
      schema: {
        operationId: 'changeResidentPassword',
        tags: ['portal'],
        summary: 'Set or change your password; ends your other sessions',
        body: ResidentPasswordBody,
        response: { 200: Ok, ...errorResponses },
      },
    },
    async (request) => changeResidentPassword(ctx, { actor: actorOf(request), body: request.body }),
  );
}
