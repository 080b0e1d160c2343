/**
 * The phone routes sending through the real Twilio package to a local
 * Twilio: what the user sees when Twilio refuses, and that nothing is
 * half-written. The app is assembled here from the real modules and error
 * handler, with the Twilio HTTP client aimed at the fake.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type TestContext, describe, test } from 'node:test';
import Fastify from 'fastify';
import { LocalTwilioHttpClient } from '../../../../../test-support/fake-twilio/local-http-client.ts';
import { startFakeTwilio } from '../../../../../test-support/fake-twilio/server.ts';
import type { SmsConfig } from '../../config.ts';
import { ManualClock } from '../../core/clock.ts';
import { MemoryCounterStore, RateLimiter } from '../../core/rate-limiter.ts';
import { openDatabase } from '../../db/database.ts';
import { migrateToLatest } from '../../db/migrations.ts';
import type { RequireUser } from '../../plugins/auth.ts';
import { installErrorHandler } from '../../plugins/error-handler.ts';
import { installValidators } from '../../plugins/validation.ts';
import { installSms } from '../sms/index.ts';
import { installPhone } from './index.ts';

const ACCOUNT_SID = `AC${'0123456789abcdef'.repeat(2)}`;
const AUTH_TOKEN = 'test-auth-token-9f8e7d';
const USER_ID = 'user-twilio-1';

async function setup(t: TestContext) {
  const fake = await startFakeTwilio({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN });
  const dir = mkdtempSync(join(tmpdir(), 'phone-twilio-'));
  const database = openDatabase({ dialect: 'sqlite', file: join(dir, 'test.db') });
  await migrateToLatest(database);
  await database.db.insertInto('users').values({ id: USER_ID, email: 'twilio@example.test', password_hash: 'x', created_at: 0, phone: null, phone_verified_at: null }).execute();

  const config: SmsConfig = {
    provider: 'twilio',
    resendCooldownSeconds: 30,
    perUserPerHour: 10,
    perPhonePerHour: 10,
    perIpPerHour: 30,
    accountSid: ACCOUNT_SID,
    authToken: AUTH_TOKEN,
    from: '+15005550006',
    verifyServiceSid: undefined,
  };
  const clock = new ManualClock();
  const app = Fastify({ logger: false });
  installValidators(app);
  installErrorHandler(app);
  app.decorateRequest('caller', null);
  const requireUser: RequireUser = async (request) => {
    request.caller = { userId: USER_ID, via: 'bearer' };
  };
  const sms = installSms(app, { db: database.db, config, clock, requireUser, twilioHttpClient: new LocalTwilioHttpClient(fake.url) });
  const phones = installPhone(app, { db: database.db, sms, smsConfig: config, limiter: new RateLimiter(new MemoryCounterStore(), clock), clock, requireUser });
  t.after(async () => {
    await app.close();
    await database.destroy();
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const inject = app.inject.bind(app);
  const status = async () => (await inject({ method: 'GET', url: '/api/account/phone' })).json();
  /** The code from what Twilio was asked to send last. */
  const lastTexted = () => /\b(\d{6})\b/.exec(fake.requests.at(-1)?.form.Body ?? '')?.[1] ?? '';
  return { fake, inject, status, lastTexted, phones, clock };
}

describe('phone verification through Twilio', () => {
  test('the code goes out through Twilio, the outbox shows it, and it verifies', async (t) => {
    const { fake, inject, status, lastTexted, phones } = await setup(t);
    const set = await inject({ method: 'POST', url: '/api/account/phone', payload: { phone: '+49 1512 3456789' } });
    assert.equal(set.statusCode, 202, set.body);
    assert.equal(fake.requests.length, 1);
    assert.equal(fake.requests[0]!.form.To, '+4915123456789');
    const outbox = (await inject({ method: 'GET', url: '/api/outbox' })).json();
    assert.equal(outbox[0].body, fake.requests[0]!.form.Body);

    assert.equal(await phones.verifiedPhone(USER_ID), null);
    assert.equal((await inject({ method: 'POST', url: '/api/account/phone/verify', payload: { code: lastTexted() } })).statusCode, 200);
    assert.equal((await status()).verified, true);
    assert.equal(await phones.verifiedPhone(USER_ID), '+4915123456789');
  });

  test("Twilio's 21211 is a 422 naming phone; the verified phone stays as it was", async (t) => {
    const { fake, inject, status, lastTexted, phones, clock } = await setup(t);
    await inject({ method: 'POST', url: '/api/account/phone', payload: { phone: '+49 1512 3456789' } });
    await inject({ method: 'POST', url: '/api/account/phone/verify', payload: { code: lastTexted() } });
    clock.advance(30_000);

    fake.failWith({ status: 400, code: 21211, message: "The 'To' number +447700900123 is not a valid phone number." });
    const refused = await inject({ method: 'POST', url: '/api/account/phone', payload: { phone: '+447700900123' } });
    assert.equal(refused.statusCode, 422, refused.body);
    assert.equal(refused.json().error.fields[0].field, 'phone');
    assert.deepEqual(await status(), { phone: '+4915123456789', verified: true, resend_after: null, phone_display: '+49 1512 3456789', sms_outbox: false }, 'nothing half-written');
    assert.equal(await phones.verifiedPhone(USER_ID), '+4915123456789');
    assert.equal((await inject({ method: 'GET', url: '/api/outbox' })).json().length, 1);
  });

  test('a Twilio outage is a clean 502; nothing is stored and the user may retry at once', async (t) => {
    const { fake, inject, status } = await setup(t);
    fake.failWith({ status: 503, code: 20503, message: 'Service Unavailable' });
    const failed = await inject({ method: 'POST', url: '/api/account/phone', payload: { phone: '+49 1512 3456789' } });
    assert.equal(failed.statusCode, 502, failed.body);
    assert.deepEqual(failed.json(), { error: { code: 'SMS_DELIVERY_FAILED', message: 'The SMS could not be sent; please try again in a few minutes' } });
    assert.deepEqual(await status(), { phone: null, verified: false, resend_after: null, phone_display: null, sms_outbox: false });
    assert.deepEqual((await inject({ method: 'GET', url: '/api/outbox' })).json(), []);

    fake.failWith(null);
    const retried = await inject({ method: 'POST', url: '/api/account/phone', payload: { phone: '+49 1512 3456789' } });
    assert.equal(retried.statusCode, 202, 'no cool-down after a send that did not happen');
  });
});
