import http from 'node:http';

export interface ReceivedWebhook {
  headers: http.IncomingHttpHeaders;
  body: string;
}

export interface WebhookServer {
  url: string;
  requests: ReceivedWebhook[];
  close(): Promise<void>;
}

/**
 * A real HTTP server on 127.0.0.1 and a random port standing in for the messaging gateway.
 * `answer(n)` gives the status of the n-th request (from 1); 200 when not given.
 */
export async function startWebhookServer(opts: { answer?: (request: number) => number; delayMs?: number } = {}): Promise<WebhookServer> {
  const requests: ReceivedWebhook[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      requests.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      const status = opts.answer?.(requests.length) ?? 200;
      setTimeout(() => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ ok: status < 300 }));
      }, opts.delayMs ?? 0);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/hooks/estatedesk`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
