import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type TestContext, describe, test } from 'node:test';
import { registerWithSession } from '../../../../../test-support/api-client.ts';
import { buildTestApp } from '../../../../../test-support/build-test-app.ts';
import { type FakeTwilio, startFakeTwilio } from '../../../../../test-support/fake-twilio/server.ts';
import { LocalTwilioHttpClient } from '../../../../../test-support/fake-twilio/local-http-client.ts';
import { ManualClock } from '../../core/clock.ts';
import { AppError } from '../../core/errors.ts';
import { openDatabase } from '../../db/database.ts';
import { createTwilioClient, type TwilioSmsConfig } from './twilio-client.ts';
import { createTwilioSender } from './twilio-sender.ts';

const ACCOUNT_SID = `AC${'0123456789abcdef'.repeat(2)}`;
const AUTH_TOKEN = 'test-auth-token-9f8e7d';
const SERVICE_SID = `VA${'fedcba9876543210'.repeat(2)}`;
const FROM = '+15005550006';
const limits = { resendCooldownSeconds: 30, perUserPerHour: 10, perPhonePerHour: 10, perIpPerHour: 30 };

/** The whole app on a database this test also holds, a signed-in user, and a Twilio sender aimed at the fake. */
async function setup(t: TestContext, twilio: { from?: string; verifyServiceSid?: string }) {
  const fake = await startFakeTwilio({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN });
  t.after(() => fake.close());
  const dir = mkdtempSync(join(tmpdir(), 'twilio-test-'));
  const database = openDatabase({ dialect: 'sqlite', file: join(dir, 'test.db') });
  const clock = new ManualClock();
  const { app } = await buildTestApp(t, { overrides: { database, clock } });
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const user = await registerWithSession(app);
  const config: TwilioSmsConfig = { provider: 'twilio', ...limits, accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, from: twilio.from, verifyServiceSid: twilio.verifyServiceSid };
  const httpClient = new LocalTwilioHttpClient(fake.url);
  const sender = createTwilioSender({ db: database.db, clock, log: app.log, config, client: createTwilioClient(config, httpClient) });
  const outbox = async () => (await app.inject({ method: 'GET', url: '/api/outbox', cookies: user.cookies })).json();
  const storedRows = () => database.db.selectFrom('sms_messages').selectAll().execute();
  return { fake, httpClient, sender, user, outbox, storedRows };
}

function onlyRequest(fake: FakeTwilio) {
  assert.equal(fake.requests.length, 1, 'exactly one request reached Twilio');
  return fake.requests[0]!;
}

const basicAuth = `Basic ${Buffer.from(`${ACCOUNT_SID}:${AUTH_TOKEN}`).toString('base64')}`;

describe('Twilio sender against a local Twilio', () => {
  test('Messages API: the exact request, and the message is recorded with Twilio\'s sid', async (t) => {
    const { fake, httpClient, sender, user, outbox, storedRows } = await setup(t, { from: FROM });
    const body = 'Your Payfriend verification code is 012345. It expires in 5 minutes.';
    await sender.send({ to: '+447700900123', body, userId: user.userId, code: '012345' });

    const request = onlyRequest(fake);
    assert.equal(request.method, 'POST');
    assert.equal(request.path, `/2010-04-01/Accounts/${ACCOUNT_SID}/Messages.json`);
    assert.deepEqual(httpClient.hosts, ['api.twilio.com']);
    assert.equal(request.headers.authorization, basicAuth);
    assert.match(String(request.headers['content-type']), /^application\/x-www-form-urlencoded/);
    assert.deepEqual(request.form, { To: '+447700900123', From: FROM, Body: body });

    const rows = await storedRows();
    assert.equal(rows.length, 1);
    assert.equal(rows[0]!.provider, 'twilio');
    assert.match(rows[0]!.provider_message_id ?? '', /^SM[0-9a-f]{32}$/);
    assert.deepEqual(
      (await outbox()).map((m: { to: string; body: string }) => [m.to, m.body]),
      [['+447700900123', body]],
      'the owner sees the sent message in the outbox',
    );
  });

  test('Verify API: our code goes as CustomCode over SMS, and the verification sid is recorded', async (t) => {
    const { fake, httpClient, sender, user, storedRows } = await setup(t, { verifyServiceSid: SERVICE_SID });
    await sender.send({ to: '+491512345678', body: 'Your Payfriend verification code is 004711. It expires in 5 minutes.', userId: user.userId, code: '004711' });

    const request = onlyRequest(fake);
    assert.equal(request.method, 'POST');
    assert.equal(request.path, `/v2/Services/${SERVICE_SID}/Verifications`);
    assert.deepEqual(httpClient.hosts, ['verify.twilio.com']);
    assert.equal(request.headers.authorization, basicAuth);
    assert.deepEqual(request.form, { To: '+491512345678', Channel: 'sms', CustomCode: '004711' });
    const rows = await storedRows();
    assert.match(rows[0]?.provider_message_id ?? '', /^VE[0-9a-f]{32}$/);
  });

  test('Verify cannot send a message without a code: refused before any request', async (t) => {
    const { fake, sender, user, storedRows } = await setup(t, { verifyServiceSid: SERVICE_SID });
    await assert.rejects(sender.send({ to: '+491512345678', body: 'hello', userId: user.userId }), { status: 502, code: 'SMS_DELIVERY_FAILED' });
    assert.equal(fake.requests.length, 0);
    assert.equal((await storedRows()).length, 0);
  });

  test("Twilio's 21211 (invalid 'To') becomes our 422 SMS_RECIPIENT_REJECTED, and nothing is stored", async (t) => {
    const { fake, sender, user, outbox, storedRows } = await setup(t, { from: FROM });
    fake.failWith({ status: 400, code: 21211, message: "The 'To' number +447700900123 is not a valid phone number." });
    const error = await sender.send({ to: '+447700900123', body: 'x', userId: user.userId }).then(
      () => assert.fail('send should fail'),
      (e: unknown) => e,
    );
    assert.ok(error instanceof AppError);
    assert.equal(error.status, 422);
    assert.equal(error.code, 'SMS_RECIPIENT_REJECTED');
    assert.doesNotMatch(error.message, /21211|twilio/i, 'no provider internals in what the user reads');
    assert.equal(fake.requests.length, 1);
    assert.equal((await storedRows()).length, 0);
    assert.deepEqual(await outbox(), []);
  });

  for (const failure of [
    { status: 401, code: 20003, message: 'Authenticate' },
    { status: 429, code: 20429, message: 'Too Many Requests' },
    { status: 500, code: 20500, message: 'Internal Server Error' },
    { status: 400, code: 60033, message: 'Invalid parameter: CustomCode' },
  ]) {
    test(`Twilio ${failure.status} (code ${failure.code}) becomes our 502 SMS_DELIVERY_FAILED, and nothing is stored`, async (t) => {
      const { fake, sender, user, storedRows } = await setup(t, { from: FROM });
      fake.failWith(failure);
      await assert.rejects(sender.send({ to: '+447700900123', body: 'x', userId: user.userId }), (error: unknown) => {
        assert.ok(error instanceof AppError);
        assert.equal(error.status, 502);
        assert.equal(error.code, 'SMS_DELIVERY_FAILED');
        return true;
      });
      assert.equal((await storedRows()).length, 0);
    });
  }

  test('wrong credentials are refused by the fake the way Twilio refuses them', async (t) => {
    const fake = await startFakeTwilio({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN });
    t.after(() => fake.close());
    const config: TwilioSmsConfig = { provider: 'twilio', ...limits, accountSid: ACCOUNT_SID, authToken: 'wrong', from: FROM, verifyServiceSid: undefined };
    const client = await createTwilioClient(config, new LocalTwilioHttpClient(fake.url))();
    await assert.rejects(client.messages.create({ to: '+447700900123', from: FROM, body: 'x' }), { status: 401, code: 20003 });
  });

  test('an unreachable Twilio is a 502, not a crash', async (t) => {
    const { fake, sender, user, storedRows } = await setup(t, { from: FROM });
    await fake.close();
    await assert.rejects(sender.send({ to: '+447700900123', body: 'x', userId: user.userId }), { status: 502, code: 'SMS_DELIVERY_FAILED' });
    assert.equal((await storedRows()).length, 0);
  });
});
