import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/** Paths that are never the web app: an unknown one there stays a JSON 404. */
const NOT_APP = /^\/(api|webhooks)(\/|$)|^\/(healthz|readyz)$/;

/**
 * Serves the built admin web app (admin-ui/, built by `npm run build` into `dir`) at `/`. Hashed
 * assets are cached for a year; index.html never, so a new build is picked up at once. Returns the
 * fallback the not-found handler uses for the app's own routes (/new-hires/123 and the like), or
 * undefined when the app was not built, in which case `/` says how to build it.
 */
export async function adminUiRoutes(
  app: FastifyInstance,
  dir: string,
): Promise<((request: FastifyRequest, reply: FastifyReply) => FastifyReply | undefined) | undefined> {
  const index = path.join(dir, 'index.html');
  if (!existsSync(index)) {
    app.get('/', { schema: { hide: true } }, async (_request, reply) =>
      reply
        .status(503)
        .type('text/plain; charset=utf-8')
        .send('The admin web app is not built. Run `npm run build` (or `npm start`, which builds it).\n'),
    );
    return undefined;
  }
  await app.register(fastifyStatic, {
    root: dir,
    prefix: '/',
    // One GET /* route that looks files up on each request, so a rebuild is served without a restart;
    // a path with no file falls through to the not-found handler (the app's deep links, JSON 404s).
    wildcard: true,
    index: false,
    // Our own Cache-Control below, not the plugin's max-age=0.
    cacheControl: false,
    setHeaders(reply, filePath) {
      const hashed = filePath.includes(`${path.sep}assets${path.sep}`);
      reply.header('cache-control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  const sendIndex = (reply: FastifyReply) =>
    reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').sendFile('index.html');
  // The admin app's pages are not API routes: left out of the OpenAPI document.
  app.get('/', { schema: { hide: true } }, async (_request, reply) => sendIndex(reply));
  return (request, reply) => {
    const pathname = request.url.split('?')[0] ?? '';
    const wantsPage = request.method === 'GET' || request.method === 'HEAD';
    if (!wantsPage || NOT_APP.test(pathname) || pathname.startsWith('/assets/')) return undefined;
    return sendIndex(reply);
  };
}
