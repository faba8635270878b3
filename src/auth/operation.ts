import type { z } from 'zod';
import type { App } from '../platform/http/app.js';
import { createdResponses, okResponses } from '../platform/http/errors.js';
import type { Ability, Actor } from './policy.js';
import { actorOf } from './routes.js';

type Part = z.ZodType | undefined;
type Parsed<T extends Part> = T extends z.ZodType ? z.output<T> : undefined;

export interface OperationSpec<P extends Part, Q extends Part, B extends Part, R extends z.ZodType> {
  method: 'get' | 'post' | 'put' | 'patch';
  url: string;
  /** The ability the auth hook checks, as `config.ability` (`self`: what concerns only the signed-in person). */
  ability: Ability | 'self';
  operationId: string;
  tags: string[];
  summary?: string;
  params?: P;
  querystring?: Q;
  body?: B;
  response: R;
  /** Answers 201 Created: the operation makes a new record. */
  created?: boolean;
  run: (req: OperationRequest<P, Q, B>) => Promise<z.output<R>>;
}

/** What the use case of an operation gets: the signed-in actor and the request, parsed. */
export interface OperationRequest<P extends Part, Q extends Part, B extends Part> {
  actor: Actor;
  params: Parsed<P>;
  query: Parsed<Q>;
  body: Parsed<B>;
}

/**
 * Most operations only hand the signed-in actor and the parsed request to one use case and
 * answer what it returns; operations with other answers (several statuses, files, headers)
 * register their route by hand.
 */
export function operation<
  P extends Part = undefined,
  Q extends Part = undefined,
  B extends Part = undefined,
  R extends z.ZodType = z.ZodType,
>(api: App, spec: OperationSpec<P, Q, B, R>): void {
  const { method, url, ability, created, response, run, ...parts } = spec;
  // Typed loosely here: `run` already ties the answer to the response schema.
  const schema: Record<string, unknown> = { ...parts, response: created ? createdResponses(response) : okResponses(response) };
  api.route({
    method: method.toUpperCase() as 'GET' | 'POST' | 'PUT' | 'PATCH',
    url,
    config: { ability },
    schema,
    handler: async (req, reply) => {
      const answer = await run({
        actor: actorOf(req),
        params: req.params as Parsed<P>,
        query: req.query as Parsed<Q>,
        body: req.body as Parsed<B>,
      });
      return created ? reply.status(201).send(answer) : answer;
    },
  });
}
