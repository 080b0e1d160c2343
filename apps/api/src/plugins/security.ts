/** HTTP hardening shared by every route: security headers, CORS allow-list, per-IP rate limit. */
import cors from '@fastify/cors';
import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet, { type HelmetOptions } from 'helmet';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Redis } from 'ioredis';
import { mayReadMetrics } from './observability.ts';

const PROBES = new Set(['/healthz', '/readyz']);

/**
 * The load balancer's probes and the metrics scraper are not clients' requests. With
 * METRICS_TOKEN set, only the scraper that sends it skips the limit: wrong guesses are counted.
 */
function isProbe(request: FastifyRequest, metricsToken: string | undefined): boolean {
  if (PROBES.has(request.url)) return true;
  return request.url === '/metrics' && mayReadMetrics(request, metricsToken);
}

export async function installSecurity(
  app: FastifyInstance,
  options: { corsOrigins: string[]; apiPerIpPerMinute: number; metricsToken?: string; redis?: { client: Redis; prefix: string } },
): Promise<void> {
  const securityHeaders = computeSecurityHeaders({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // Material UI injects its styles at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    strictTransportSecurity: false,
  });
  app.addHook('onRequest', async (_request, reply) => {
    reply.headers(securityHeaders);
  });

  const allowed = new Set(options.corsOrigins);
  await app.register(cors, {
    // Other origins get no CORS headers at all; the browser then blocks them.
    origin: (origin, callback) => callback(null, origin !== undefined && allowed.has(origin)),
    methods: ['GET', 'POST', 'PUT', 'DELETE'],
    allowedHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key'],
    exposedHeaders: ['Retry-After', 'ETag'],
    credentials: false,
    maxAge: 600,
  });

  await app.register(rateLimit, {
    // Applied below as a global hook, so it runs before each route's authentication:
    // requests with bad credentials count too.
    global: false,
    max: options.apiPerIpPerMinute,
    // With several instances the per-IP count lives in Redis, so it counts requests to all of them.
    ...(options.redis ? { redis: options.redis.client, nameSpace: `${options.redis.prefix}api-rate:` } : {}),
    timeWindow: 60_000,
    allowList: (request) => request.method === 'OPTIONS' || isProbe(request, options.metricsToken),
    // Limit headers only on the answer that hits the limit: every other answer stays small.
    addHeadersOnExceeding: { 'x-ratelimit-limit': false, 'x-ratelimit-remaining': false, 'x-ratelimit-reset': false },
    errorResponseBuilder: (_request, context) =>
      Object.assign(new Error(`Too many requests; retry in ${Math.ceil(context.ttl / 1000)} s`), {
        statusCode: 429,
        code: 'RATE_LIMITED',
      }),
  });
  app.addHook('onRequest', app.rateLimit());
}

/**
 * Helmet's headers depend only on its options, so they are worked out once
 * here; @fastify/helmet would rebuild them (parsing the CSP) on every request.
 */
function computeSecurityHeaders(options: HelmetOptions): Record<string, string> {
  const headers: Record<string, string> = {};
  const response = {
    setHeader: (name: string, value: string | number | string[]) => {
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
    },
    removeHeader: (name: string) => {
      delete headers[name.toLowerCase()];
    },
  } as unknown as ServerResponse;
  helmet(options)({} as IncomingMessage, response, (error?: unknown) => {
    if (error) throw error;
  });
  return headers;
}
