/**
 * The server as app.ts builds it, cut down to what devices need, with a
 * PaymentAuthorization of the test's choosing: this module's tests can then
 * exercise approvals without depending on the payments feature. End-to-end
 * tests use buildTestApp and the real payments instead.
 */
import type { TestContext } from 'node:test';
import cookie from '@fastify/cookie';
import Fastify, { type FastifyInstance } from 'fastify';
import { testEnv } from '../../../../../test-support/build-test-app.ts';
import { freshDatabaseUrl } from '../../../../../test-support/test-database.ts';
import { type AppConfig, loadConfig } from '../../config.ts';
import type { Clock } from '../../core/clock.ts';
import { type EventBus, InProcessEventBus } from '../../core/events.ts';
import { MemoryCounterStore, RateLimiter } from '../../core/rate-limiter.ts';
import { openDatabase } from '../../db/database.ts';
import { migrateToLatest } from '../../db/migrations.ts';
import { installAuth } from '../../plugins/auth.ts';
import { installErrorHandler } from '../../plugins/error-handler.ts';
import { installEventStreams } from '../../plugins/event-stream.ts';
import { installValidators } from '../../plugins/validation.ts';
import { registerAccountRoutes } from '../accounts/accounts.routes.ts';
import { createPageSessions } from '../accounts/page-sessions.ts';
import { createAccountsService } from '../accounts/accounts.service.ts';
import type { PaymentAuthorization } from '../payments/authorization.ts';
import { TokenService } from '../tokens/token-service.ts';
import { type DeviceLimits, installDevices } from './index.ts';

export async function buildDevicesTestApp(
  t: TestContext,
  options: { clock: Clock; authorization: PaymentAuthorization; events?: EventBus; limits?: Partial<DeviceLimits>; env?: Record<string, string> },
): Promise<{ app: FastifyInstance; config: AppConfig; events: EventBus }> {
  const { clock, authorization } = options;
  const config = loadConfig(testEnv({ DATABASE_URL: await freshDatabaseUrl(t), ...options.env }));
  const database = openDatabase(config.database);
  await migrateToLatest(database);
  // Event-stream tests listen on a port; fetch() may leave a spare idle socket that would hold close() for seconds.
  const app = Fastify({ logger: false, bodyLimit: 64 * 1024, forceCloseConnections: true });
  app.addHook('onClose', async () => database.destroy());
  app.removeContentTypeParser('text/plain');
  installValidators(app);
  installErrorHandler(app);
  await app.register(cookie);

  const limiter = new RateLimiter(new MemoryCounterStore(), clock);
  const tokens = new TokenService(database.db, config.jwt, clock);
  await tokens.init();
  const accounts = createAccountsService({ db: database.db, clock, limiter, limits: config.rateLimits, sessionTtlSeconds: config.session.ttlSeconds });
  const requireUser = installAuth(app, { tokens, accounts, cookieName: config.session.cookieName });
  const sessions = createPageSessions(accounts, { name: config.session.cookieName, secure: false, maxAgeSeconds: config.session.ttlSeconds });
  registerAccountRoutes(app, { accounts, tokens, requireUser, sessions });

  const events = options.events ?? new InProcessEventBus();
  const streams = installEventStreams(app);
  installDevices(app, { database, config, clock, events, streams, limiter, authorization, requireUser, limits: options.limits });
  t.after(() => app.close());
  return { app, config, events };
}
