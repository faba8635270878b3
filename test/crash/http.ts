/**
 * A signed-in API client over real HTTP (Node's fetch keeps connections alive). An answer is
 * an acknowledgement only when its whole body arrived; a request whose answer never came
 * (the server died) rejects, and the caller counts the write as unanswered.
 */
// biome-ignore lint/suspicious/noExplicitAny: response bodies are read field by field and checked against the database
export type Json = any;

export interface Answer {
  status: number;
  body: Json;
}

export class ApiClient {
  url = '';
  cookie = '';
  csrf = '';

  async request(method: string, path: string, body?: unknown, extra: Record<string, string> = {}): Promise<Answer> {
    const headers: Record<string, string> = { ...extra };
    if (this.cookie) headers.cookie = this.cookie;
    if (method !== 'GET' && this.csrf) headers['x-csrf-token'] = this.csrf;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${this.url}/api/v1${path}`, {
      method,
      headers,
      ...(body !== undefined && { body: JSON.stringify(body) }),
      signal: AbortSignal.timeout(30_000),
    });
    const text = await res.text();
    const setCookie = res.headers.get('set-cookie');
    const pair = setCookie?.split(';')[0];
    if (pair?.startsWith('estatedesk_session=')) this.cookie = pair;
    return { status: res.status, body: text && res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text };
  }

  get(path: string) {
    return this.request('GET', path);
  }
  post(path: string, body: unknown = {}, headers?: Record<string, string>) {
    return this.request('POST', path, body, headers);
  }

  /** A request that must succeed (set-up and checks, never the writes under test). */
  async must(method: string, path: string, body?: unknown, status = [200, 201]): Promise<Json> {
    const res = await this.request(method, path, body);
    if (!status.includes(res.status)) throw new Error(`${method} ${path} answered ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body;
  }

  async login(username: string, password: string): Promise<void> {
    this.cookie = '';
    const body = await this.must('POST', '/auth/login', { username, password }, [200]);
    this.csrf = body.csrfToken;
  }

  /** After a restart the session is still in the database; sign in again only if it is not. */
  async resume(username: string, password: string): Promise<'kept' | 'signed in again'> {
    const res = await this.get('/auth/session');
    if (res.status === 200) {
      this.csrf = res.body.csrfToken ?? this.csrf;
      return 'kept';
    }
    await this.login(username, password);
    return 'signed in again';
  }
}
