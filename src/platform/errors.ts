/**
 * Errors are values with codes (STYLE §6). The HTTP layer maps a code's prefix or the
 * whole code to a status; the web app translates codes into sentences.
 */
/** Codes every capability shares; a capability's own rule refusals use its prefix (422). */
type KnownCode =
  | 'validation.failed'
  | 'request.malformed_json'
  | 'request.too_deep'
  | 'request.idempotency_key_reused'
  | 'request.too_large'
  | 'request.unsupported_media_type'
  | 'auth.required'
  | 'auth.invalid_credentials'
  | 'auth.too_many_attempts'
  | 'auth.csrf_mismatch'
  | 'auth.forbidden'
  | 'auth.staff_only'
  | 'auth.residents_only'
  | 'auth.invalid_code'
  | 'auth.password_mismatch'
  | 'auth.password_too_weak'
  | 'not_found'
  | 'conflict.duplicate'
  | 'conflict.in_use'
  | 'conflict.overlap'
  | 'reference.not_found'
  | 'import.invalid_rows'
  | 'import.unreadable_file'
  | 'import.too_large'
  | 'import.busy'
  | 'rate_limited'
  | 'pbx.bad_signature'
  | 'pbx.stale'
  | 'pbx.unknown_extension'
  | 'internal';

/** A capability's refusal under one of its rules, e.g. `case.close_needs_satisfaction` (R-CP-3). */
export type RuleCode = `${'case' | 'followup' | 'notice' | 'frontdesk' | 'phrase' | 'fee' | 'publish' | 'portal'}.${string}`;
export type ErrorCode = KnownCode | RuleCode;

const statusByCode: Record<KnownCode, number> = {
  'validation.failed': 400,
  'request.malformed_json': 400,
  'request.too_deep': 400,
  'request.idempotency_key_reused': 422,
  'request.too_large': 413,
  'request.unsupported_media_type': 415,
  'auth.required': 401,
  'auth.invalid_credentials': 401,
  'auth.too_many_attempts': 429,
  'auth.csrf_mismatch': 403,
  'auth.forbidden': 403,
  'auth.staff_only': 403,
  'auth.residents_only': 403,
  'auth.invalid_code': 401,
  'auth.password_mismatch': 422,
  'auth.password_too_weak': 422,
  not_found: 404,
  'conflict.duplicate': 409,
  'conflict.in_use': 409,
  'conflict.overlap': 409,
  'reference.not_found': 422,
  'import.invalid_rows': 422,
  'import.unreadable_file': 422,
  'import.too_large': 413,
  'import.busy': 409,
  rate_limited: 429,
  // The PBX's call events (R-PH-5): a signature that does not verify, a timestamp outside the
  // replay window, an extension the estate's settings do not list.
  'pbx.bad_signature': 401,
  'pbx.stale': 401,
  'pbx.unknown_extension': 400,
  internal: 500,
};

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown>;
  constructor(code: ErrorCode, message?: string, details: Record<string, unknown> = {}) {
    super(message ?? code);
    this.code = code;
    this.details = details;
  }
  get status(): number {
    return (statusByCode as Record<string, number>)[this.code] ?? 422;
  }
}

export function notFound(what: string): AppError {
  return new AppError('not_found', `${what} not found`, { entity: what });
}

/** A referenced id in the body that does not exist in the caller's scope; names the field. */
export function unknownReference(field: string): AppError {
  return new AppError('reference.not_found', `${field}: no such record in this estate`, { field });
}
