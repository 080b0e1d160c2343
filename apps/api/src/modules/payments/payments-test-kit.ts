/**
 * What the payment tests share: an app on its own database with a frozen
 * clock, a payer with a verified phone, and small request helpers. The
 * database and event bus are built here so tests can run the expiry sweep
 * themselves instead of waiting for the timer.
 */
import { randomUUID } from 'node:crypto';
import type { TestContext } from 'node:test';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { codeFromSms, readLatestSms, registerWithVerifiedPhone, type VerifiedUser } from '../../../../../test-support/payfriend.ts';
import { buildTestApp, testEnv } from '../../../../../test-support/build-test-app.ts';
import { freshDatabaseUrl } from '../../../../../test-support/test-database.ts';
import { type AppConfig, loadConfig } from '../../config.ts';
import { ManualClock } from '../../core/clock.ts';
import { InProcessEventBus, type Unsubscribe } from '../../core/events.ts';
import { type Database, openDatabase } from '../../db/database.ts';
import type { PaymentAuthorization } from './authorization.ts';
import { sweepExpiredPayments } from './decisions.ts';
import { createPaymentsCore } from './index.ts';
import { pushSignature } from './push-signature.ts';

export const CALLBACK_KEY = 'test-push-api-key';

/** The in-process bus, counting live subscriptions so tests can see that streams let go of them. */
export class TrackingEventBus extends InProcessEventBus {
  private readonly live = new Map<string, number>();

  override async subscribe(channel: string, handler: (event: unknown) => void): Promise<Unsubscribe> {
    const unsubscribe = await super.subscribe(channel, handler);
    this.live.set(channel, this.subscribers(channel) + 1);
    let done = false;
    return () => {
      if (done) return;
      done = true;
      this.live.set(channel, this.subscribers(channel) - 1);
      unsubscribe();
    };
  }

  subscribers(channel: string): number {
    return this.live.get(channel) ?? 0;
  }
}

export interface PaymentsTestApp {
  app: FastifyInstance;
  config: AppConfig;
  clock: ManualClock;
  database: Database;
  events: TrackingEventBus;
  /** Expires what is due at the clock's current time, as the sweeper would. */
  sweep(): Promise<number>;
  /** What the devices feature calls, on the same database, clock and event bus as the app. */
  authorization: PaymentAuthorization;
}

export async function buildPaymentsApp(t: TestContext, env: Record<string, string> = {}): Promise<PaymentsTestApp> {
  const clock = new ManualClock();
  const events = new TrackingEventBus();
  // Long-lived tokens: tests move the clock past challenge and block times.
  const fullEnv = { DATABASE_URL: await freshDatabaseUrl(t), TOKEN_TTL_SECONDS: '86400', PUSH_CALLBACK_API_KEY: CALLBACK_KEY, ...env };
  const database = openDatabase(loadConfig(testEnv(fullEnv)).database);
  const { app, config } = await buildTestApp(t, { env: fullEnv, overrides: { clock, database, events } });
  const core = createPaymentsCore({ db: database.db, config, clock, events, phones: { verifiedPhone: async () => null } });
  return { app, config, clock, database, events, sweep: () => sweepExpiredPayments({ db: database.db, clock, events }), authorization: core.authorization };
}

export type Payer = VerifiedUser;

export async function newPayer(app: FastifyInstance): Promise<Payer> {
  return registerWithVerifiedPhone(app);
}

export const paymentBody = (extra: Record<string, unknown> = {}) => ({ payee: 'alice@example.com', amount: '19.99', currency: 'EUR', ...extra });

export function as(user: { auth: Record<string, string> }, options: InjectOptions): InjectOptions {
  return { ...options, headers: { ...user.auth, ...(options.headers as Record<string, string> | undefined) } };
}

export async function postPayment(app: FastifyInstance, user: Payer, body: object = paymentBody(), key: string = randomUUID()) {
  return app.inject(as(user, { method: 'POST', url: '/api/payments', headers: { 'idempotency-key': key }, payload: body }));
}

/** Creates a pending payment and returns its id. */
export async function createPayment(app: FastifyInstance, user: Payer, body: object = paymentBody()): Promise<string> {
  const response = await postPayment(app, user, body);
  if (response.statusCode !== 201) throw new Error(`POST /api/payments: ${response.statusCode} ${response.body}`);
  return (response.json() as { id: string }).id;
}

export async function getPayment(app: FastifyInstance, user: Payer, id: string) {
  return app.inject(as(user, { method: 'GET', url: `/api/payments/${id}` }));
}

/** Asks for an SMS code and reads it from the outbox. */
export async function requestCode(app: FastifyInstance, user: Payer, paymentId: string): Promise<string> {
  const response = await app.inject(as(user, { method: 'POST', url: `/api/payments/${paymentId}/sms` }));
  if (response.statusCode !== 202) throw new Error(`POST /sms: ${response.statusCode} ${response.body}`);
  return codeFromSms(await readLatestSms(app, user));
}

export async function verifyCode(app: FastifyInstance, user: Payer, paymentId: string, code: string) {
  return app.inject(as(user, { method: 'POST', url: `/api/payments/${paymentId}/verify`, payload: { code } }));
}

/** A code of the right shape that is not `code`. */
export function otherCode(code: string): string {
  return String((Number(code) + 1) % 1_000_000).padStart(6, '0');
}

/** Headers a push provider would send for these parameters posted to the callback at `nowMs`, signed with `key`. */
export function signedCallbackHeaders(
  config: AppConfig,
  params: [string, string][],
  options: { nowMs: number; key?: string; nonce?: string; path?: string },
): Record<string, string> {
  const nonce = options.nonce ?? String(Math.floor(options.nowMs / 1000));
  const url = `${config.publicUrl}${options.path ?? '/api/push/callback'}`;
  const signature = pushSignature(options.key ?? CALLBACK_KEY, { nonce, method: 'POST', url, params });
  return { 'x-authy-signature': signature, 'x-authy-signature-nonce': nonce };
}
