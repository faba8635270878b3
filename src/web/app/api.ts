/**
 * The one way the web app talks to the server: JSON under /api/v1 with the session cookie,
 * the CSRF token on every non-GET request, and errors turned into ApiError values.
 */

export const API_BASE = '/api/v1';

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface ValidationIssue {
  path: string;
  message: string;
  code?: string;
}

/** An error answered by the server, always `{ error: { code, message, details } }`. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: Record<string, unknown>;

  constructor(status: number, code: string, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }

  /** The field issues of a `validation.failed` error, or none. */
  get issues(): ValidationIssue[] {
    const raw = this.details.issues;
    if (!Array.isArray(raw)) return [];
    return raw.filter(isIssue);
  }
}

/** The request never reached the server or its answer was not JSON. */
export class NetworkError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NetworkError';
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isIssue(value: unknown): value is ValidationIssue {
  return isRecord(value) && typeof value.path === 'string' && typeof value.message === 'string';
}

let csrfToken: string | null = null;
let onUnauthorized: (() => void) | null = null;

/**
 * Whose session a request travels in: the staff's (the module's own token and handler) or a
 * resident's in the portal, which keeps its own cookie, CSRF token and sign-out.
 */
export interface Credentials {
  csrfToken: () => string | null;
  unauthorized: () => void;
}

const staffCredentials: Credentials = { csrfToken: () => csrfToken, unauthorized: () => onUnauthorized?.() };

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when any request (other than logging in) answers 401: the session has ended. */
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  onUnauthorized = handler;
}

export type QueryValue = string | number | boolean | null | undefined;
export type QueryParams = Record<string, QueryValue>;

/** Builds a path under /api/v1 with the defined, non-empty query parameters. */
export function apiUrl(path: string, query?: QueryParams): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    search.set(key, String(value));
  }
  const qs = search.toString();
  return `${API_BASE}${path}${qs ? `?${qs}` : ''}`;
}

interface RequestOptions {
  query?: QueryParams;
  body?: unknown;
  signal?: AbortSignal;
  /** Login answers 401 for a wrong password; that is not an ended session. */
  expectUnauthorized?: boolean;
  /** Extra request headers, e.g. `Idempotency-Key`. */
  headers?: Record<string, string>;
  /** A body sent as it is (a photo's bytes) instead of as JSON. */
  raw?: BodyInit;
}

/**
 * A key for the `Idempotency-Key` header, made once per form: a retried or double-clicked create
 * then answers the record the first request made. Random bytes, since `crypto.randomUUID` exists
 * only on https pages and an office may serve EstateDesk over plain http on its own network.
 */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

async function request<T>(method: string, path: string, options: RequestOptions = {}, credentials = staffCredentials): Promise<T> {
  const headers: Record<string, string> = { ...options.headers, Accept: 'application/json' };
  if (options.body !== undefined && options.raw === undefined) headers['Content-Type'] = 'application/json';
  const token = credentials.csrfToken();
  if (method !== 'GET' && token) headers['X-CSRF-Token'] = token;

  let response: Response;
  try {
    response = await fetch(apiUrl(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
      signal: options.signal,
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new NetworkError(err instanceof Error ? err.message : String(err));
  }

  const text = await response.text();
  let payload: unknown = null;
  if (text) {
    try {
      payload = JSON.parse(text);
    } catch {
      throw new NetworkError(`${response.status} ${response.statusText}`);
    }
  }

  if (!response.ok) {
    const error = isRecord(payload) && isRecord(payload.error) ? payload.error : null;
    const apiError = new ApiError(
      response.status,
      typeof error?.code === 'string' ? error.code : `http.${response.status}`,
      typeof error?.message === 'string' ? error.message : response.statusText,
      isRecord(error?.details) ? error.details : {},
    );
    if (response.status === 401 && !options.expectUnauthorized) credentials.unauthorized();
    throw apiError;
  }
  return payload as T;
}

/** The requests of one session: JSON in and out, and raw bytes up (`upload`). */
export function apiClient(credentials: Credentials) {
  return {
    get: <T>(path: string, query?: QueryParams, signal?: AbortSignal) => request<T>('GET', path, { query, signal }, credentials),
    post: <T>(path: string, body?: unknown, options?: Omit<RequestOptions, 'body'>) =>
      request<T>('POST', path, { ...options, body: body ?? {} }, credentials),
    patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, { body }, credentials),
    put: <T>(path: string, body: unknown) => request<T>('PUT', path, { body }, credentials),
    /** A file as the raw request body; its name travels percent-encoded, since header values must be ASCII. */
    upload: <T>(path: string, file: File) =>
      request<T>(
        'POST',
        path,
        { raw: file, headers: { 'Content-Type': file.type, 'X-File-Name': encodeURIComponent(file.name) } },
        credentials,
      ),
  };
}

export type ApiClient = ReturnType<typeof apiClient>;

export const api = apiClient(staffCredentials);

/**
 * Whether a piece of an address can name a record at all: record ids are UUIDs (contract/common.ts).
 * A mistyped link (/cases/xyz) is then a page that is not there, not a request the server refuses.
 */
export function isRecordId(id: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);
}
