import { registerAuth } from '../../src/auth/routes.js';
import type { AppContext } from '../../src/platform/context.js';
import { type App, buildApp } from '../../src/platform/http/app.js';
import type { LiveBus, LiveEvent } from '../../src/platform/live.js';

/** An app with sign-in and the given routes only, over the test's context. */
export async function appWith(ctx: AppContext, register: (api: App) => void): Promise<App> {
  const app = await buildApp({
    logger: false,
    version: 'test',
    routes: (api) => {
      registerAuth(api, ctx);
      register(api);
    },
  });
  await app.ready();
  return app;
}

/** A live bus that counts its subscribers, to see a closed stream let go of its subscription. */
export class CountingBus implements LiveBus {
  subscribers = 0;
  constructor(private readonly inner: LiveBus) {}
  publish(event: LiveEvent): Promise<void> {
    return this.inner.publish(event);
  }
  subscribe(listener: (event: LiveEvent) => void): () => void {
    this.subscribers++;
    const off = this.inner.subscribe(listener);
    let done = false;
    return () => {
      if (done) return;
      done = true;
      this.subscribers--;
      off();
    };
  }
  close(): Promise<void> {
    return this.inner.close();
  }
}

export interface StreamBlock {
  /** The `data:` lines, joined; undefined for a comment-only block. */
  data: string | undefined;
  comments: string[];
}

/** A server-sent-events client over fetch, reading the stream as a browser would. */
export interface EventStream {
  status: number;
  contentType: string | null;
  blocks: StreamBlock[];
  /** The JSON of every data block so far. */
  events(): unknown[];
  /** Resolves with the first block (already read or still to come) that matches. */
  waitFor(match: (block: StreamBlock) => boolean, timeoutMs?: number): Promise<StreamBlock>;
  /** Resolves when the server ends the stream. */
  ended: Promise<void>;
  close(): void;
}

export async function openEventStream(url: string, cookie: string | undefined): Promise<EventStream> {
  const abort = new AbortController();
  const res = await fetch(url, { headers: cookie ? { cookie, accept: 'text/event-stream' } : {}, signal: abort.signal });
  const blocks: StreamBlock[] = [];
  const waiters = new Set<() => void>();
  const notify = () => {
    for (const w of [...waiters]) w();
  };
  let buffer = '';
  const decoder = new TextDecoder();
  const ended = (async () => {
    if (!res.body) return;
    const reader = res.body.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
        let split = buffer.indexOf('\n\n');
        while (split >= 0) {
          const lines = buffer.slice(0, split).split('\n');
          buffer = buffer.slice(split + 2);
          const data = lines.filter((l) => l.startsWith('data:')).map((l) => l.slice(5).trimStart());
          blocks.push({
            data: data.length ? data.join('\n') : undefined,
            comments: lines.filter((l) => l.startsWith(':')).map((l) => l.slice(1).trim()),
          });
          split = buffer.indexOf('\n\n');
        }
        notify();
      }
    } catch {
      // Aborted by close().
    } finally {
      notify();
    }
  })();
  let finished = false;
  void ended.then(() => {
    finished = true;
    notify();
  });
  return {
    status: res.status,
    contentType: res.headers.get('content-type'),
    blocks,
    events: () => blocks.flatMap((b) => (b.data === undefined ? [] : [JSON.parse(b.data) as unknown])),
    waitFor: (match, timeoutMs = 5_000) =>
      new Promise<StreamBlock>((resolve, reject) => {
        const check = () => {
          const found = blocks.find(match);
          if (found) {
            cleanup();
            resolve(found);
          } else if (finished) {
            cleanup();
            reject(new Error('the stream ended without the expected block'));
          }
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`no matching block within ${timeoutMs} ms; got ${JSON.stringify(blocks)}`));
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
        check();
      }),
    ended,
    close: () => abort.abort(),
  };
}
