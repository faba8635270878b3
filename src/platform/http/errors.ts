import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { ErrorBody } from '../../contract/common.js';
import { AppError } from '../errors.js';

/** Every status a route can answer with an error body, spread into each route's schema. */
export const errorResponses = {
  400: ErrorBody,
  401: ErrorBody,
  403: ErrorBody,
  404: ErrorBody,
  409: ErrorBody,
  413: ErrorBody,
  415: ErrorBody,
  422: ErrorBody,
  429: ErrorBody,
} as const;

/** A route's responses: its success schema plus every error status. */
export const okResponses = <T>(schema: T) => ({ 200: schema, ...errorResponses });
export const createdResponses = <T>(schema: T) => ({ 201: schema, ...errorResponses });

function body(code: string, message: string, details: Record<string, unknown> = {}) {
  return { error: { code, message, details } };
}

interface ValidationIssue {
  path: string;
  message: string;
  code?: string;
}

function validationIssues(err: FastifyError): ValidationIssue[] {
  const context = err.validationContext ?? 'body';
  return (err.validation ?? []).flatMap((v) => {
    const segments = (v.instancePath ?? '').split('/').filter(Boolean);
    const keys = (v.params as { keys?: string[] } | undefined)?.keys;
    // zod reports unknown fields on their parent object; name each field itself.
    if (v.keyword === 'unrecognized_keys' && keys?.length) {
      return keys.map((k) => ({ path: [context, ...segments, k].join('.'), message: 'unknown field', code: 'unrecognized_keys' }));
    }
    return [{ path: [context, ...segments].join('.'), message: v.message ?? 'invalid', code: v.keyword }];
  });
}

export function errorHandler(err: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (err instanceof AppError) {
    // A refusal that says when to come back (throttling) says it in the standard header too.
    if (typeof err.details.retryAfterSeconds === 'number') reply.header('retry-after', String(err.details.retryAfterSeconds));
    return reply.status(err.status).send(body(err.code, err.message, err.details));
  }
  if (hasZodFastifySchemaValidationErrors(err)) {
    const issues = validationIssues(err);
    const message = issues.map((i) => `${i.path}: ${i.message}`).join('; ');
    return reply.status(400).send(body('validation.failed', message, { issues }));
  }
  if (isResponseSerializationError(err)) {
    request.log.error({ err, issues: err.cause.issues }, 'response does not match its schema');
    return reply.status(500).send(body('internal', 'internal error', { requestId: request.id }));
  }
  switch (err.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return reply.status(400).send(body('request.malformed_json', 'body: the request body is not valid JSON', { field: 'body' }));
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return reply.status(413).send(body('request.too_large', 'body: the request body is too large', { field: 'body' }));
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return reply.status(415).send(body('request.unsupported_media_type', 'body: send application/json', { field: 'body' }));
  }
  // PostgreSQL class 22 (data exception): a value the schema let through but the column
  // cannot hold. The input is at fault, not the server; the transaction has rolled back.
  if (typeof err.code === 'string' && /^22[0-9A-Z]{3}$/.test(err.code) && !err.statusCode) {
    request.log.warn({ code: err.code }, 'data exception from the database');
    return reply.status(400).send(body('validation.failed', 'a value is out of range or cannot be stored', { databaseCode: err.code }));
  }
  if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
    const code = err.statusCode === 429 ? 'rate_limited' : 'request.invalid';
    return reply.status(err.statusCode).send(body(code, err.message));
  }
  request.log.error({ err }, 'unexpected error');
  return reply.status(500).send(body('internal', 'internal error', { requestId: request.id }));
}
