import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { registerWithSession, registerWithToken } from '../../../../../test-support/api-client.ts';
import { buildTestApp } from '../../../../../test-support/build-test-app.ts';
import { codeFromSms } from '../../../../../test-support/payfriend.ts';
import { ManualClock } from '../../core/clock.ts';

const setPhone = (phone: string) => ({ method: 'POST' as const, url: '/api/account/phone', payload: { phone } });

describe('the local outbox', () => {
  test('stores each message and shows it to its owner only, newest first', async (t) => {
    const clock = new ManualClock();
    const { app } = await buildTestApp(t, { env: { SMS_RESEND_COOLDOWN_SECONDS: '0' }, overrides: { clock } });
    const alice = await registerWithToken(app);
    const bob = await registerWithToken(app);

    assert.equal((await app.inject({ ...setPhone('+44 7700 900123'), headers: alice.auth })).statusCode, 202);
    clock.advance(1000);
    // Same millisecond as the next one on purpose: the order must still be exact.
    assert.equal((await app.inject({ method: 'POST', url: '/api/account/phone/resend', headers: alice.auth })).statusCode, 202);
    assert.equal((await app.inject({ method: 'POST', url: '/api/account/phone/resend', headers: alice.auth })).statusCode, 202);

    const response = await app.inject({ method: 'GET', url: '/api/outbox', headers: alice.auth });
    assert.equal(response.statusCode, 200);
    const messages = response.json() as { id: string; to: string; to_display: string; body: string; created_at: string }[];
    assert.equal(messages.length, 3);
    for (const message of messages) {
      assert.deepEqual(Object.keys(message).sort(), ['body', 'created_at', 'id', 'to', 'to_display']);
      assert.equal(message.to, '+447700900123');
      assert.equal(message.to_display, '+44 7700 900123');
      assert.match(message.body, /^Your Payfriend verification code is \d{6}\. It expires in 5 minutes\.$/);
    }
    assert.deepEqual(
      messages.map((m) => m.created_at),
      [new Date(clock.now()).toISOString(), new Date(clock.now()).toISOString(), new Date(clock.now() - 1000).toISOString()],
    );
    // Only the newest code verifies, which proves which message is the newest.
    const verify = await app.inject({ method: 'POST', url: '/api/account/phone/verify', headers: alice.auth, payload: { code: codeFromSms(messages[0]!.body) } });
    assert.equal(verify.statusCode, 200, verify.body);

    assert.deepEqual((await app.inject({ method: 'GET', url: '/api/outbox', headers: bob.auth })).json(), [], "another user sees none of alice's messages");
  });

  test('the page reads its outbox with the session cookie', async (t) => {
    const { app } = await buildTestApp(t);
    const page = await registerWithSession(app);
    const set = await app.inject({ ...setPhone('+33 6 12 34 56 78'), cookies: page.cookies, headers: { 'x-csrf-token': page.csrfToken } });
    assert.equal(set.statusCode, 202, set.body);
    const messages = (await app.inject({ method: 'GET', url: '/api/outbox', cookies: page.cookies })).json();
    assert.equal(messages.length, 1);
    assert.equal(messages[0].to, '+33612345678');
  });

  test('lists at most 50 messages', async (t) => {
    const { app } = await buildTestApp(t, { env: { SMS_RESEND_COOLDOWN_SECONDS: '0', SMS_PER_USER_PER_HOUR: '100', SMS_PER_PHONE_PER_HOUR: '100', SMS_PER_IP_PER_HOUR: '100' } });
    const { auth } = await registerWithToken(app);
    await app.inject({ ...setPhone('+447700900123'), headers: auth });
    for (let i = 0; i < 54; i += 1) await app.inject({ method: 'POST', url: '/api/account/phone/resend', headers: auth });
    assert.equal((await app.inject({ method: 'GET', url: '/api/outbox', headers: auth })).json().length, 50);
  });

  test('needs a caller', async (t) => {
    const { app } = await buildTestApp(t);
    assert.equal((await app.inject({ method: 'GET', url: '/api/outbox' })).statusCode, 401);
  });
});
