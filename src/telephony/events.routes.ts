import { validatorCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { operation } from '../auth/index.js';
import { Id, Ok } from '../contract/common.js';
import { ListPbxCallsQuery, PbxCall, PbxCallPage, PbxEvent, PbxSecret, PbxSettings, PbxSettingsBody } from '../contract/telephony.js';
import type { AppContext } from '../platform/context.js';
import { AppError } from '../platform/errors.js';
import type { App } from '../platform/http/app.js';
import { okResponses } from '../platform/http/errors.js';
import { getPbxCall } from './events/get-pbx-call.js';
import { listPbxCalls } from './events/list-pbx-calls.js';
import { EventRate } from './events/rate.js';
import { receivePbxEvent } from './events/receive-event.js';
import { ringingCalls } from './events/ringing-pbx-calls.js';
import { getPbxSettings } from './settings/get-pbx-settings.js';
import { makePbxSecret } from './settings/make-pbx-secret.js';
import { updatePbxSettings } from './settings/update-pbx-settings.js';

const EstateParams = z.strictObject({ estateId: Id });
const tags = ['telephony'];
/** A call event is a few hundred bytes. */
const EVENT_BODY_LIMIT = 64 * 1024;
/** Call events one address may send one estate a minute. */
const EVENTS_PER_MINUTE = 600;

/** The PBX's signed call events, the settings (secret, extensions) and the calls as the PBX reports them. */
export function registerPbxEventRoutes(api: App, ctx: AppContext): void {
  operation(api, {
    method: 'get',
    url: '/estates/:estateId/pbx/settings',
    ability: 'pbx.manage',
    operationId: 'getPbxSettings',
    tags,
    summary: "Managers: the estate's PBX extensions and who answers each, the CSV mapping, whether a signing secret is set",
    params: EstateParams,
    response: PbxSettings,
    run: ({ actor, params }) => getPbxSettings(ctx, { actor, estateId: params.estateId }),
  });
  operation(api, {
    method: 'put',
    url: '/estates/:estateId/pbx/settings',
    ability: 'pbx.manage',
    operationId: 'updatePbxSettings',
    tags,
    summary: "Managers: the estate's extensions, each answered by one of its staff or nobody, and the CSV mapping",
    params: EstateParams,
    body: PbxSettingsBody,
    response: PbxSettings,
    run: ({ actor, params, body }) => updatePbxSettings(ctx, { actor, estateId: params.estateId, body }),
  });
  operation(api, {
    method: 'post',
    url: '/estates/:estateId/pbx/secret',
    ability: 'pbx.manage',
    operationId: 'makePbxSecret',
    tags,
    summary: 'Managers: a new signing secret for the call events, shown this once; the old one stops working',
    params: EstateParams,
    response: PbxSecret,
    run: ({ actor, params }) => makePbxSecret(ctx, { actor, estateId: params.estateId }),
  });
  operation(api, {
    method: 'get',
    url: '/estates/:estateId/pbx/calls',
    ability: 'pbx.read',
    operationId: 'listPbxCalls',
    tags,
    summary: "The calls as the PBX reported them, newest first; by day (the estate's zone), extension, state, not logged or answered late",
    params: EstateParams,
    querystring: ListPbxCallsQuery,
    response: PbxCallPage,
    run: ({ actor, params, query }) => listPbxCalls(ctx, { actor, estateId: params.estateId, query }),
  });
  operation(api, {
    method: 'get',
    url: '/estates/:estateId/pbx/calls/:pbxCallId',
    ability: 'pbx.read',
    operationId: 'getPbxCall',
    tags,
    summary: 'One call as the PBX reported it, with its ringing time and whether it was answered in time',
    params: z.strictObject({ estateId: Id, pbxCallId: Id }),
    response: PbxCall,
    run: ({ actor, params }) => getPbxCall(ctx, { actor, estateId: params.estateId, pbxCallId: params.pbxCallId }),
  });
  operation(api, {
    method: 'get',
    url: '/estates/:estateId/pbx/ringing',
    ability: 'pbx.read',
    operationId: 'listRingingPbxCalls',
    tags,
    summary: 'The calls ringing now at my extensions (every extension when I answer none), newest first',
    params: EstateParams,
    response: z.object({ items: z.array(PbxCall) }),
    run: ({ actor, params }) => ringingCalls(ctx, { actor, estateId: params.estateId }),
  });

  // The webhook reads its body as the bytes the PBX signed: its own JSON parser keeps the raw text.
  const rate = new EventRate(EVENTS_PER_MINUTE);
  api.register(async (plain) => {
    const scope = plain as unknown as App;
    scope.removeContentTypeParser('application/json');
    scope.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit: EVENT_BODY_LIMIT }, (_req, body, done) =>
      done(null, body),
    );
    scope.post(
      '/pbx/:estateCode/events',
      {
        bodyLimit: EVENT_BODY_LIMIT,
        config: { public: true },
        schema: {
          operationId: 'receivePbxEvent',
          tags,
          summary:
            'The PBX\'s call events (ringing, answered, ended, missed), signed: X-EstateDesk-Timestamp (Unix seconds) and X-EstateDesk-Signature (sha256=hex HMAC-SHA256 of "<timestamp>.<raw body>" with the estate\'s secret), within five minutes',
          params: z.strictObject({ estateCode: z.string().max(16) }),
          headers: z.object({
            'x-estatedesk-timestamp': z.string().max(20).optional(),
            'x-estatedesk-signature': z.string().max(200).optional(),
          }),
          body: PbxEvent,
          response: okResponses(Ok),
        },
        // The body is checked against PbxEvent by the use case once the signature holds, not before.
        validatorCompiler: (route) =>
          route.httpPart === 'body' ? (data: unknown) => ({ value: data }) : validatorCompiler(route as never),
      },
      async (req) => {
        const estateCode = req.params.estateCode;
        try {
          rate.take(estateCode, req.ip, ctx.clock.now());
          return await receivePbxEvent(ctx, {
            estateCode,
            timestamp: req.headers['x-estatedesk-timestamp'],
            signature: req.headers['x-estatedesk-signature'],
            rawBody: typeof req.body === 'string' ? req.body : '',
          });
        } catch (err) {
          // Refusals are logged by estate, reason and request, never with the body or the signature.
          if (err instanceof AppError) req.log.warn({ estateCode, reason: err.code, requestId: req.id }, 'pbx event refused');
          throw err;
        }
      },
    );
  });
}
