/** Serves the built single-page app, and index.html for any page route the SPA owns. */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { sendError } from './error-handler.ts';

// From the sources (apps/api/src/plugins) or from the server bundle (dist/server).
export const DEFAULT_WEB_DIST =
  [resolve(import.meta.dirname, '../../../web/dist'), resolve(import.meta.dirname, '../../apps/web/dist')].find((dir) =>
    existsSync(dir),
  ) ?? resolve(import.meta.dirname, '../../../web/dist');

export async function installWebApp(app: FastifyInstance, distDir = DEFAULT_WEB_DIST): Promise<void> {
  const hasBuild = existsSync(join(distDir, 'index.html'));
  if (hasBuild) {
    await app.register(fastifyStatic, { root: distDir, wildcard: false, index: ['index.html'], maxAge: '1h' });
  }
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    // Page routes are extension-less paths outside the API; a missing /assets/x.js is a real 404.
    // Judged case-insensitively and with repeated slashes folded: /API/KUDOS and //api/kudos are mistyped API calls.
    const folded = path.toLowerCase().replace(/^\/{2,}/, '/');
    const isApi = folded === '/api' || folded.startsWith('/api/') || folded.startsWith('/.well-known/');
    const isPage = (request.method === 'GET' || request.method === 'HEAD') && !isApi && !/\.[a-z0-9]+$/i.test(path);
    if (isPage && hasBuild) return reply.header('cache-control', 'no-cache').sendFile('index.html');
    if (isPage) return reply.type('text/plain').status(503).send('The page is not built: run "npm run build:web".');
    return sendError(reply, 404, 'NOT_FOUND', `No route for ${request.method} ${path}`);
  });
}
