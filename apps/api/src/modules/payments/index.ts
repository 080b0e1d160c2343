/** Payments that wait for strong customer authentication. */
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { AppConfig } from '../../config.ts';
import type { Clock } from '../../core/clock.ts';
import type { EventBus } from '../../core/events.ts';
import type { RateLimiter } from '../../core/rate-limiter.ts';
import type { Database } from '../../db/database.ts';
import type { Schema } from '../../db/schema.ts';
import type { RequireUser } from '../../plugins/auth.ts';
import type { EventStreams } from '../../plugins/event-stream.ts';
import type { PhoneDirectory } from '../phone/index.ts';
import { createSmsSendLimits, type SmsSender } from '../sms/index.ts';
import { PaymentSettings } from '#contracts/payfriend.ts';
import type { PaymentAuthorization } from './authorization.ts';
import { createDecisions } from './decisions.ts';
import { createDeviceAuthorization } from './device-authorization.ts';
import { pruneNonces } from './nonces.repository.ts';
import { registerPaymentRoutes } from './payments.routes.ts';
import { createPaymentsService } from './payments.service.ts';
import { createPushCallbacks, PUSH_NONCE_SCOPE } from './push-callback.service.ts';
import { registerPushCallbackRoute } from './push-callback.routes.ts';
import { createScaGuard } from './sca-guard.ts';
import { createSmsCodes } from './sms-codes.service.ts';

export interface PaymentsDeps {
  database: Database;
  config: AppConfig;
  clock: Clock;
  events: EventBus;
  streams: EventStreams;
  sms: SmsSender;
  phones: PhoneDirectory;
  limiter: RateLimiter;
  requireUser: RequireUser;
  /** How often due payments are expired, in ms (default 1000); 0 turns the sweeper off. */
  sweepIntervalMs?: number;
}

export { sweepExpiredPayments } from './decisions.ts';

/** The payment rules without HTTP: what the routes, the devices feature and tests work with. */
export function createPaymentsCore(deps: {
  db: Kysely<Schema>;
  config: AppConfig;
  clock: Clock;
  events: EventBus;
  phones: PhoneDirectory;
  onPublishError?: (error: unknown) => void;
}) {
  const { db, config, clock, events, onPublishError } = deps;
  const decisions = createDecisions({ db, clock, events, onPublishError });
  const sca = createScaGuard({ db, clock, rules: config.payments });
  const payments = createPaymentsService({
    db,
    clock,
    events,
    phones: deps.phones,
    challengeTtlSeconds: config.payments.challengeTtlSeconds,
    onPublishError,
  });
  const authorization = createDeviceAuthorization({ db, clock, payments, decisions, sca });
  return { decisions, sca, payments, authorization };
}

export function installPayments(app: FastifyInstance, deps: PaymentsDeps): PaymentAuthorization {
  const { config, clock, events } = deps;
  const db = deps.database.db;
  const onPublishError = (err: unknown) => app.log.warn({ err }, 'payment event not published');
  const { decisions, sca, payments, authorization } = createPaymentsCore({ db, config, clock, events, phones: deps.phones, onPublishError });

  const smsCodes = createSmsCodes({
    db,
    clock,
    payments,
    decisions,
    sca,
    phones: deps.phones,
    sms: deps.sms,
    limits: createSmsSendLimits(deps.limiter, config.sms),
    rules: { otpTtlSeconds: config.payments.otpTtlSeconds, otpMaxAttempts: config.payments.otpMaxAttempts },
  });
  const callbacks = createPushCallbacks({ db, clock, decisions, sca, apiKey: config.pushCallbackApiKey, publicUrl: config.publicUrl });

  registerPaymentRoutes(app, { payments, smsCodes, events, streams: deps.streams, requireUser: deps.requireUser });
  registerPushCallbackRoute(app, { callbacks });
  // What the payer's page needs to know of the rules: when to offer the SMS code instead.
  app.get('/api/payments/settings', { onRequest: deps.requireUser, schema: { response: { 200: PaymentSettings } } }, async () => ({
    sms_fallback_after_seconds: config.payments.smsFallbackAfterSeconds,
    challenge_ttl_seconds: config.payments.challengeTtlSeconds,
  }));
  startSweeper(app, deps.sweepIntervalMs ?? 1000, async () => {
    await decisions.sweepExpired();
    await pruneNonces(db, PUSH_NONCE_SCOPE, clock.now());
  });
  return authorization;
}

/** Expires due payments (and forgets old callback nonces) on a timer that never keeps the process alive. */
function startSweeper(app: FastifyInstance, intervalMs: number, sweep: () => Promise<void>): void {
  if (intervalMs <= 0) return;
  let running = false;
  let closing = false;
  const timer = setInterval(() => {
    // One sweep at a time: a slow database must not pile sweeps up.
    if (running || closing) return;
    running = true;
    sweep()
      .catch((err: unknown) => {
        if (!closing) app.log.warn({ err }, 'payment expiry sweep failed');
      })
      .finally(() => {
        running = false;
      });
  }, intervalMs);
  timer.unref();
  app.addHook('preClose', async () => {
    closing = true;
    clearInterval(timer);
  });
}
