import fs from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { checkBodyShape } from './body-shape.js';
import { errorHandler } from './errors.js';

export type App = FastifyInstance<
  import('node:http').Server,
  import('node:http').IncomingMessage,
  import('node:http').ServerResponse,
  import('fastify').FastifyBaseLogger,
  ZodTypeProvider
>;

export interface AppOptions {
  logger: boolean | { level: string };
  /** Where the built web app lives; served with a fallback to index.html for client routes. */
  webRoot?: string | undefined;
  version: string;
  /** Fastify's trustProxy: which proxies' X-Forwarded-* headers give the client's address and protocol. */
  trustProxy?: boolean | number | string | undefined;
  /** Registers the capabilities' routes under /api/v1. */
  routes: (api: App) => Promise<void> | void;
  /** Registers pages outside /api/v1 (public, plain HTML): no session, not in the API's document. */
  pages?: (app: App) => Promise<void> | void;
}

export const API_PREFIX = '/api/v1';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Reachable without signing in. */
    public?: boolean;
    /**
     * The named ability (a capability's policy table) the operation needs in the estate of the
     * record it acts on, `self` for what concerns only the signed-in person, published in the
     * OpenAPI document as `x-ability`.
     */
    ability?: string;
    /** Who a `self` route is for: staff (the default) or a signed-in resident (R-PT-1). */
    audience?: 'staff' | 'resident';
  }
}

type TransformInput = Parameters<typeof jsonSchemaTransform>[0] & {
  route?: { method: string | string[]; config?: { public?: boolean; ability?: string } };
};

/**
 * Documents what the auth hook enforces: public routes need nothing, reads need the session,
 * state-changing requests the session and the CSRF header.
 */
function withSecurity(input: TransformInput) {
  const out = jsonSchemaTransform(input);
  const route = input.route;
  if (route) {
    const method = Array.isArray(route.method) ? route.method[0] : route.method;
    const security = route.config?.public ? [] : method === 'GET' || method === 'HEAD' ? [{ session: [] }] : [{ session: [], csrf: [] }];
    (out.schema as Record<string, unknown>).security = security;
    if (route.config?.ability) (out.schema as Record<string, unknown>)['x-ability'] = route.config.ability;
  }
  return out;
}

function trustHops(hops: number) {
  return (_address: string, hop: number) => hop < hops;
}

export async function buildApp(opts: AppOptions): Promise<App> {
  const app = Fastify({
    logger: opts.logger
      ? {
          ...(typeof opts.logger === 'object' ? opts.logger : {}),
          // Never log credentials, cookies or tokens.
          redact: ['req.headers.cookie', 'req.headers["x-csrf-token"]', 'req.headers.authorization', 'res.headers["set-cookie"]'],
        }
      : false,
    bodyLimit: 1024 * 1024,
    // A hop count becomes the function Fastify would make of it (its types take no number).
    trustProxy: typeof opts.trustProxy === 'number' ? trustHops(opts.trustProxy) : (opts.trustProxy ?? false),
    requestIdHeader: false,
    ajv: undefined,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  app.addHook('preValidation', async (request) => {
    checkBodyShape(request.body, 'body');
    checkBodyShape(request.query, 'querystring');
  });

  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
      },
    },
    crossOriginEmbedderPolicy: false,
  });

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'EstateDesk API',
        version: opts.version,
        description:
          'The service desk of a residential property management office. Sign in with `login`; send the returned `csrfToken` as the `X-CSRF-Token` header on every request that changes state. Errors are always `{ "error": { "code", "message", "details" } }`.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'estatedesk_session' },
          csrf: { type: 'apiKey', in: 'header', name: 'X-CSRF-Token' },
        },
      },
    },
    transform: withSecurity,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'list', deepLinking: true } });

  await app.register(
    async (api) => {
      api.get('/openapi.json', { schema: { hide: true }, config: { public: true } }, async () => app.swagger());
      await opts.routes(api as unknown as App);
    },
    { prefix: API_PREFIX },
  );
  await opts.pages?.(app);

  const webRoot = opts.webRoot;
  if (webRoot && fs.existsSync(path.join(webRoot, 'index.html'))) {
    await app.register(fastifyStatic, { root: webRoot, prefix: '/', wildcard: false, index: ['index.html'] });
    app.setNotFoundHandler((request, reply) => {
      if (request.method === 'GET' && !request.url.startsWith('/api/')) {
        return reply.type('text/html').sendFile('index.html');
      }
      return reply.status(404).send({ error: { code: 'not_found', message: 'no such route', details: {} } });
    });
  } else {
    app.setNotFoundHandler((_request, reply) =>
      reply.status(404).send({ error: { code: 'not_found', message: 'no such route', details: {} } }),
    );
  }
  return app;
}
