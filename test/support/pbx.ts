import { createHmac } from 'node:crypto';
import { Client, type Json, type Response, type TestApp } from './harness.js';

/** The headers a PBX sends with a call event: the Unix time and the HMAC-SHA256 of "<time>.<raw body>". */
export function pbxSignature(secret: string, rawBody: string | Buffer, now: Date): Record<string, string> {
  const timestamp = String(Math.floor(now.getTime() / 1000));
  const hmac = createHmac('sha256', secret).update(`${timestamp}.`).update(rawBody).digest('hex');
  return { 'x-estatedesk-timestamp': timestamp, 'x-estatedesk-signature': `sha256=${hmac}` };
}

/** A client that signs every request's body as the estate's PBX would, with no session. */
export class PbxClient extends Client {
  constructor(
    private readonly t: TestApp,
    private readonly secret: string,
  ) {
    super(t.app);
  }

  override async request<T = Json>(
    method: string,
    url: string,
    body?: unknown,
    opts: { csrf?: boolean; rawBody?: string | Buffer; headers?: Record<string, string> | undefined } = {},
  ): Promise<Response<T>> {
    const rawBody = opts.rawBody ?? (body === undefined ? '' : JSON.stringify(body));
    const headers = { ...(opts.headers ?? {}), ...pbxSignature(this.secret, rawBody, this.t.clock.now()) };
    return super.request<T>(method, url, undefined, { ...opts, rawBody, headers });
  }
}
