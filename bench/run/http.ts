import http from 'node:http';

/**
 * A small HTTP/1.1 client over keep-alive connections to one origin, enough for a load
 * generator: a request gives the status and the whole body. It keeps two sockets per worker,
 * since a dashboard asks for two things at once.
 */
export interface Answer {
  status: number;
  body: string;
  headers: http.IncomingHttpHeaders;
}

export interface RequestSpec {
  method: 'GET' | 'POST';
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
}

export class HttpClient {
  private readonly agent: http.Agent;
  private readonly origin: URL;
  /** Sent with every request (the session cookie, the CSRF token). */
  readonly headers: Record<string, string> = {};

  constructor(origin: string, connections: number) {
    this.origin = new URL(origin);
    this.agent = new http.Agent({ keepAlive: true, maxSockets: connections * 2, maxFreeSockets: connections * 2 });
  }

  request(spec: RequestSpec, timeoutMs = 30_000): Promise<Answer> {
    const payload = spec.body === undefined ? undefined : Buffer.from(JSON.stringify(spec.body));
    const headers: Record<string, string> = { ...this.headers, ...spec.headers };
    if (payload) {
      headers['content-type'] = 'application/json';
      headers['content-length'] = String(payload.length);
    }
    return new Promise((resolve, reject) => {
      const req = http.request(
        {
          host: this.origin.hostname,
          port: this.origin.port,
          method: spec.method,
          path: spec.path,
          headers,
          agent: this.agent,
          timeout: timeoutMs,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), headers: res.headers }));
          res.on('error', reject);
        },
      );
      req.on('timeout', () => req.destroy(new Error(`${spec.method} ${spec.path}: no answer within ${timeoutMs} ms`)));
      req.on('error', reject);
      req.end(payload);
    });
  }

  /** A request that must answer 2xx; returns the parsed JSON body. */
  async json<T = unknown>(spec: RequestSpec): Promise<T> {
    const res = await this.request(spec);
    if (res.status < 200 || res.status > 299)
      throw new Error(`${spec.method} ${spec.path} answered ${res.status}: ${res.body.slice(0, 400)}`);
    return (res.body ? JSON.parse(res.body) : undefined) as T;
  }

  close(): void {
    this.agent.destroy();
  }
}
