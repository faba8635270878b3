import { z } from 'zod';
import type { AppContext } from '../platform/context.js';
import { AppError } from '../platform/errors.js';
import type { App } from '../platform/http/app.js';
import { showPublicPage } from './public/show-public-page.js';
import { showPublicPageVersion } from './public/show-version.js';
import { showPublicPageVersions } from './public/show-versions.js';
import { escapeHtml, pageLang } from './render.js';

const Address = z.string().min(1).max(64);
const LangQuery = z.object({ lang: z.string().optional() });
const LIVE = 'public, no-cache';
const PUBLISHED = 'public, max-age=86400';

/**
 * R-PB-1: the public pages, plain HTML for anyone (no sign-in, no script), outside the API and
 * its document. The live page and the list of versions change the moment the policy, an
 * announcement or a publication does, so a cache must ask again each time (`no-cache`); a
 * published version never changes, so it is kept for a day.
 */
export function registerPublicPages(app: App, ctx: AppContext): void {
  const send = async (reply: import('fastify').FastifyReply, cache: string, render: () => Promise<string>) => {
    reply.header('content-type', 'text/html; charset=utf-8');
    try {
      const html = await render();
      return reply.header('cache-control', cache).send(html);
    } catch (err) {
      if (err instanceof AppError && err.code === 'not_found') {
        const what = escapeHtml(String(err.details.entity ?? 'page'));
        return reply
          .status(404)
          .header('cache-control', 'no-store')
          .send(
            `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>404</title></head><body><p>404: ${what} not found</p></body></html>`,
          );
      }
      throw err;
    }
  };
  const config = { public: true };
  app.get(
    '/p/:address',
    { config, schema: { hide: true, params: z.object({ address: Address }), querystring: LangQuery } },
    async (req, reply) => send(reply, LIVE, () => showPublicPage(ctx, { address: req.params.address, lang: pageLang(req.query.lang) })),
  );
  app.get(
    '/p/:address/versions',
    { config, schema: { hide: true, params: z.object({ address: Address }), querystring: LangQuery } },
    async (req, reply) =>
      send(reply, LIVE, () => showPublicPageVersions(ctx, { address: req.params.address, lang: pageLang(req.query.lang) })),
  );
  app.get(
    '/p/:address/versions/:number',
    {
      config,
      schema: {
        hide: true,
        params: z.object({ address: Address, number: z.coerce.number().int().min(1).max(1_000_000) }),
        querystring: LangQuery,
      },
    },
    async (req, reply) =>
      send(reply, PUBLISHED, () =>
        showPublicPageVersion(ctx, { address: req.params.address, number: req.params.number, lang: pageLang(req.query.lang) }),
      ),
  );
}
