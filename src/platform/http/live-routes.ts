import type { OutgoingHttpHeaders } from 'node:http';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { Id } from '../../contract/common.js';
import type { AppContext } from '../context.js';
import type { LiveEvent } from '../live.js';
import type { App } from './app.js';
import { errorResponses } from './errors.js';

/**
 * Who may see what, as the caller's access control says: the stream itself knows no accounts.
 * `A` is the signed-in actor of a request.
 */
export interface LiveAccess<A extends { id: string }> {
  /** The signed-in actor of a request; throws when there is none. */
  actorOf(request: FastifyRequest): A;
  /** Throws unless the actor works for the estate. */
  requireEstate(actor: A, estateId: string): void;
  seesEstate(actor: A, estateId: string): boolean;
  /** Whether the session behind a stream still holds: not signed out, not idle past the limit. */
  sessionHolds(ctx: AppContext, actor: A): Promise<boolean>;
}

export interface LiveRouteOptions {
  /** How often a comment line keeps proxies from closing a quiet stream; the session is checked then too. */
  heartbeatMs?: number;
}

/** A client that reads this slowly is cut off (its browser reconnects) rather than buffered for. */
const MAX_BUFFERED_BYTES = 1024 * 1024;

function forActor<A extends { id: string }>(access: LiveAccess<A>, actor: A, estateId: string | undefined) {
  return (event: LiveEvent) =>
    access.seesEstate(actor, event.estateId) &&
    (!estateId || event.estateId === estateId) &&
    (!event.staffIds || event.staffIds.includes(actor.id));
}

/**
 * Live updates as server-sent events: each event of the live bus that the signed-in person may
 * see (their estates, and only their own when the event names staff) goes out as a `data:` line
 * of JSON `{ estateId, type, subjectId }`, telling open screens what to refetch.
 */
export function registerLiveRoutes<A extends { id: string }>(
  api: App,
  ctx: AppContext,
  access: LiveAccess<A>,
  opts: LiveRouteOptions = {},
): void {
  const heartbeatMs = opts.heartbeatMs ?? 15_000;
  const open = new Set<() => void>();
  // Streams never end by themselves; the server's close waits for none of them.
  api.addHook('preClose', async () => {
    for (const end of [...open]) end();
  });

  api.get(
    '/live',
    {
      config: { ability: 'self' },
      schema: {
        operationId: 'streamLiveEvents',
        tags: ['live'],
        summary: 'Server-sent events: what changed in your estates, for open screens to refetch',
        description:
          'A `text/event-stream` that stays open. Each event is a `data:` line holding JSON `{ "estateId", "type", "subjectId" }` (type e.g. `case.updated`, `notice.created`); lines starting with `:` are heartbeats.',
        querystring: z.strictObject({ estateId: Id.optional().describe('Only this estate; otherwise every estate you work for') }),
        response: {
          200: {
            description: 'The event stream',
            content: { 'text/event-stream': { schema: z.string() } },
          },
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const actor = access.actorOf(request);
      const estateId = request.query.estateId;
      if (estateId) access.requireEstate(actor, estateId);
      const wanted = forActor(access, actor, estateId);

      reply.hijack();
      const res = reply.raw;
      const headers: OutgoingHttpHeaders = {};
      for (const [name, value] of Object.entries(reply.getHeaders())) if (value !== undefined) headers[name] = value;
      res.writeHead(200, {
        ...headers,
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });

      let ended = false;
      const write = (text: string) => {
        if (ended) return;
        if (res.writableLength > MAX_BUFFERED_BYTES) return end();
        res.write(text);
      };
      const unsubscribe = ctx.live.subscribe((event) => {
        if (wanted(event)) write(`data: ${JSON.stringify({ estateId: event.estateId, type: event.type, subjectId: event.subjectId })}\n\n`);
      });
      const heartbeat = setInterval(() => {
        access
          .sessionHolds(ctx, actor)
          .then((holds) => (holds ? write(': heartbeat\n\n') : end()))
          .catch((err: unknown) => request.log.warn({ err }, 'live stream: session check failed'));
      }, heartbeatMs);
      const end = () => {
        if (ended) return;
        ended = true;
        clearInterval(heartbeat);
        unsubscribe();
        open.delete(end);
        res.end();
      };
      open.add(end);
      res.on('close', end);
      res.on('error', end);
      // Subscribed before the first bytes go out: a client that has read them misses nothing after.
      write('retry: 5000\n: connected\n\n');
    },
  );
}
