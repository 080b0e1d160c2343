/**
 * Health and metrics: /healthz (the process answers), /readyz (the database
 * answers), and Prometheus metrics at /metrics — request counts and latency
 * per route, open event streams, SMS sent.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import { constantTimeEqual } from '../core/crypto.ts';
import type { Database } from '../db/database.ts';
import { sendError } from './error-handler.ts';

/** Whether the request may read /metrics: always without METRICS_TOKEN, else only with it as its bearer token. */
export function mayReadMetrics(request: FastifyRequest, token: string | undefined): boolean {
  return token === undefined || constantTimeEqual(request.headers.authorization ?? '', `Bearer ${token}`);
}

export interface Metrics {
  registry: Registry;
  smsSent: Counter<'provider'>;
}

export function installObservability(
  app: FastifyInstance,
  deps: { database: Database; openStreams: () => number; token: string | undefined },
): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const requests = new Counter({
    name: 'http_requests_total',
    help: 'HTTP requests answered, by route pattern and status',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'Time to answer, by route pattern',
    labelNames: ['method', 'route'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  new Gauge({
    name: 'event_streams_open',
    help: 'Server-sent event streams currently open',
    registers: [registry],
    collect() {
      this.set(deps.openStreams());
    },
  });
  const smsSent = new Counter({ name: 'sms_sent_total', help: 'SMS messages sent', labelNames: ['provider'] as const, registers: [registry] });

  // One series per route pattern (not per URL), found once: prom-client hashes a labels object on every call.
  const counters = new Map<string, ReturnType<typeof requests.labels>>();
  const timers = new Map<string, ReturnType<typeof latency.labels>>();
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    const series = `${request.method} ${route}`;
    const status = String(reply.statusCode);
    const counted = `${series} ${status}`;
    let counter = counters.get(counted);
    if (!counter) counters.set(counted, (counter = requests.labels({ method: request.method, route, status })));
    let timer = timers.get(series);
    if (!timer) timers.set(series, (timer = latency.labels({ method: request.method, route })));
    counter.inc();
    timer.observe(reply.elapsedTime / 1000);
  });

  app.get('/healthz', { logLevel: 'warn' }, async () => ({ status: 'ok' }));
  app.get('/readyz', { logLevel: 'warn' }, async (_request, reply) => {
    try {
      await sql`select 1`.execute(deps.database.db);
      return { status: 'ready' };
    } catch {
      return reply.status(503).send({ error: { code: 'DATABASE_UNAVAILABLE', message: 'The database does not answer' } });
    }
  });
  app.get('/metrics', { logLevel: 'warn' }, async (request, reply) => {
    // Route names and counts say something about the site: METRICS_TOKEN keeps them for the scraper.
    if (!mayReadMetrics(request, deps.token)) {
      return sendError(reply.header('www-authenticate', 'Bearer'), 401, 'METRICS_TOKEN_REQUIRED', 'Send the metrics token as a bearer token');
    }
    reply.type(registry.contentType);
    return registry.metrics();
  });
  return { registry, smsSent };
}
