/**
 * Builds the whole server from a config object, without listening: main.ts
 * listens, and every test builds its own app on its own database.
 */
import { randomUUID } from 'node:crypto';
import cookie from '@fastify/cookie';
import Fastify, { type FastifyInstance } from 'fastify';
import type { AppConfig } from './config.ts';
import { type Clock, systemClock } from './core/clock.ts';
import { type EventBus, InProcessEventBus } from './core/events.ts';
import { type CounterStore, MemoryCounterStore, RateLimiter } from './core/rate-limiter.ts';
import { type Database, openDatabase } from './db/database.ts';
import { migrateToLatest } from './db/migrations.ts';
import { createAccountsService } from './modules/accounts/accounts.service.ts';
import { registerAccountRoutes } from './modules/accounts/accounts.routes.ts';
import { createPageSessions } from './modules/accounts/page-sessions.ts';
import { installDevices } from './modules/devices/index.ts';
import { installGithubSearch } from './modules/github-search/index.ts';
import { installIdentity } from './modules/identity/index.ts';
import { KudosListCache } from './modules/kudos/kudos-list-cache.ts';
import { createKudosService } from './modules/kudos/kudos.service.ts';
import { registerKudosRoutes } from './modules/kudos/kudos.routes.ts';
import { installPayments } from './modules/payments/index.ts';
import { installPhone } from './modules/phone/index.ts';
import { installSms } from './modules/sms/index.ts';
import type { TwilioHttpClient } from './modules/sms/twilio-client.ts';
import { TokenService } from './modules/tokens/token-service.ts';
import { installAuth } from './plugins/auth.ts';
import { installErrorHandler, sendError } from './plugins/error-handler.ts';
import { installEventStreams } from './plugins/event-stream.ts';
import { installObservability } from './plugins/observability.ts';
import { installOpenApi } from './plugins/openapi.ts';
import { installSecurity } from './plugins/security.ts';
import { installValidators } from './plugins/validation.ts';
import { installWebApp } from './plugins/web-app.ts';
import { type SharedState, connectSharedState } from './shared-state/index.ts';

export type { SharedState };

export interface AppOverrides {
  clock?: Clock;
  database?: Database;
  counters?: CounterStore;
  events?: EventBus;
  /** The HTTP client the Twilio package uses; tests point it at a local stand-in. */
  twilioHttpClient?: TwilioHttpClient;
  /** Pino options or false; tests pass false to keep output readable. */
  logger?: boolean | object;
}

export async function buildApp(config: AppConfig, overrides: AppOverrides = {}): Promise<FastifyInstance> {
  const clock = overrides.clock ?? systemClock;
  const database = overrides.database ?? openDatabase(config.database);
  await migrateToLatest(database);

  const shared = await connectSharedState(config, clock);

  const app = Fastify({
    logger: overrides.logger ?? {
      level: config.logLevel,
      redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
    },
    genReqId: (request) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && /^[\w-]{1,64}$/.test(given) ? given : randomUUID();
    },
    bodyLimit: 64 * 1024,
    requestTimeout: 30_000,
    // Believe X-Forwarded-For only for the configured number of proxy hops.
    trustProxy: (_address: string, hop: number) => hop < config.trustProxyHops,
    routerOptions: { maxParamLength: 200 },
    // URLs the router cannot even read still get our JSON error shape (and never echo the URL back).
    frameworkErrors: (error, _request, reply) => {
      const status = error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 414 : 400;
      return sendError(reply, status, status === 414 ? 'URL_TOO_LONG' : 'BAD_URL', 'The request URL is not valid');
    },
    // Malformed HTTP (bad framing, header bytes) never reaches a route: answer it in the same shape.
    clientErrorHandler: (error: NodeJS.ErrnoException, socket) => {
      if (!socket.writable) return socket.destroy();
      const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
      const body = JSON.stringify({ error: { code: 'MALFORMED_REQUEST', message: 'The HTTP request could not be read' } });
      socket.end(
        `HTTP/1.1 ${status} Bad Request\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
      );
    },
  });
  app.addHook('onClose', async () => database.destroy());
  app.addHook('onClose', async () => shared.close());

  // JSON is the only body the API reads; text/plain is what cross-site forms can send without a preflight.
  app.removeContentTypeParser('text/plain');
  installValidators(app);
  installErrorHandler(app);
  await installSecurity(app, {
    corsOrigins: config.corsOrigins,
    apiPerIpPerMinute: config.rateLimits.apiPerIpPerMinute,
    metricsToken: config.metricsToken,
    redis: shared.redis ? { client: shared.redis.command, prefix: shared.redis.prefix } : undefined,
  });
  await app.register(cookie);
  await installOpenApi(app, config.publicUrl);

  const limiter = new RateLimiter(overrides.counters ?? shared.counters ?? new MemoryCounterStore(), clock);
  const tokens = new TokenService(database.db, config.jwt, clock);
  await tokens.init();
  const accounts = createAccountsService({
    db: database.db,
    clock,
    limiter,
    limits: config.rateLimits,
    sessionTtlSeconds: config.session.ttlSeconds,
  });
  // Expired sessions are refused on read; this only keeps the table small.
  const pruneTimer = setInterval(() => void accounts.pruneExpiredSessions().catch((err: unknown) => app.log.warn({ err }, 'session pruning failed')), 3_600_000);
  pruneTimer.unref();
  app.addHook('onClose', async () => clearInterval(pruneTimer));
  const sessions = createPageSessions(accounts, {
    name: config.session.cookieName,
    secure: config.session.secureCookie,
    maxAgeSeconds: config.session.ttlSeconds,
  });
  const external = installIdentity(app, {
    db: database.db,
    clock,
    limiter,
    oidc: config.oidc,
    publicUrl: config.publicUrl,
    reauthMaxAgeSeconds: config.devices.reauthMaxAgeSeconds,
    secureCookies: config.session.secureCookie,
    sessions,
  });
  const requireUser = installAuth(app, { tokens, accounts, cookieName: config.session.cookieName, external });
  registerAccountRoutes(app, { accounts, tokens, requireUser, sessions });
  const events = overrides.events ?? shared.events ?? new InProcessEventBus();
  app.addHook('onClose', async () => events.close());

  const listCache = new KudosListCache(events);
  const stopListCache = await listCache.start();
  app.addHook('onClose', async () => stopListCache());
  registerKudosRoutes(app, { kudos: createKudosService({ db: database.db, clock, listCache, maxPerUser: config.kudosPerUserMax }), requireUser });
  installGithubSearch(app, { database, github: config.github, clock, requireUser, cache: shared.searchCache, gate: shared.searchGate });

  const streams = installEventStreams(app);
  installObservability(app, { database, openStreams: () => streams.size, token: config.metricsToken });
  const sms = installSms(app, { db: database.db, config: config.sms, clock, requireUser, twilioHttpClient: overrides.twilioHttpClient });
  const phones = installPhone(app, { db: database.db, sms, smsConfig: config.sms, limiter, clock, requireUser });
  const authorization = installPayments(app, { database, config, clock, events, streams, sms, phones, limiter, requireUser });
  installDevices(app, { database, config, clock, events, streams, limiter, authorization, requireUser });
  await installWebApp(app, config.webDistDir);
  return app;
}
