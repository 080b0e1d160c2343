import assert from 'node:assert/strict';
import { type TestContext, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { registerWithSession, registerWithToken } from '../../../../../test-support/api-client.ts';
import { buildTestApp } from '../../../../../test-support/build-test-app.ts';
import { codeFromSms, readLatestSms, registerWithVerifiedPhone } from '../../../../../test-support/payfriend.ts';
import { ManualClock } from '../../core/clock.ts';

type Auth = Record<string, string>;

async function setup(t: TestContext, env: Record<string, string> = {}) {
  const clock = new ManualClock();
  const { app } = await buildTestApp(t, { env, overrides: { clock } });
  const user = await registerWithToken(app);
  return { app, clock, auth: user.auth };
}

const phoneStatus = async (app: FastifyInstance, auth: Auth) => (await app.inject({ method: 'GET', url: '/api/account/phone', headers: auth })).json();
const setPhone = (app: FastifyInstance, auth: Auth, phone: string) => app.inject({ method: 'POST', url: '/api/account/phone', headers: auth, payload: { phone } });
const resend = (app: FastifyInstance, auth: Auth) => app.inject({ method: 'POST', url: '/api/account/phone/resend', headers: auth });
const verify = (app: FastifyInstance, auth: Auth, code: string) => app.inject({ method: 'POST', url: '/api/account/phone/verify', headers: auth, payload: { code } });
const latestCode = async (app: FastifyInstance, auth: Auth) => codeFromSms(await readLatestSms(app, { auth }));
/** A 6-digit code that is not `code`. */
const otherThan = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

describe('phone verification', () => {
  test('happy path: no phone, set it (202, code texted), verify it (200)', async (t) => {
    const { app, auth } = await setup(t);
    assert.deepEqual(await phoneStatus(app, auth), { phone: null, verified: false, resend_after: null, phone_display: null, sms_outbox: true });

    const set = await setPhone(app, auth, '+44 7700 900123');
    assert.equal(set.statusCode, 202, set.body);
    assert.deepEqual(set.json(), { phone: '+447700900123', verified: false, resend_after: 30, phone_display: '+44 7700 900123', sms_outbox: true });
    const sms = await readLatestSms(app, { auth });
    assert.match(sms, /^Your Payfriend verification code is \d{6}\. It expires in 5 minutes\.$/);

    const verified = await verify(app, auth, codeFromSms(sms));
    assert.equal(verified.statusCode, 200, verified.body);
    assert.deepEqual(verified.json(), { phone: '+447700900123', verified: true, resend_after: null, phone_display: '+44 7700 900123', sms_outbox: true });
    assert.deepEqual(await phoneStatus(app, auth), { phone: '+447700900123', verified: true, resend_after: null, phone_display: '+44 7700 900123', sms_outbox: true });
  });

  test('a code is single-use', async (t) => {
    const { app, auth } = await setup(t);
    await setPhone(app, auth, '+447700900123');
    const code = await latestCode(app, auth);
    assert.equal((await verify(app, auth, code)).statusCode, 200);
    const again = await verify(app, auth, code);
    assert.equal(again.statusCode, 422);
    assert.equal(again.json().error.code, 'NO_CODE_PENDING');
  });

  test('a wrong code is 422 naming "code" and leaves the phone unverified', async (t) => {
    const { app, auth } = await setup(t);
    await setPhone(app, auth, '+447700900123');
    const wrong = await verify(app, auth, otherThan(await latestCode(app, auth)));
    assert.equal(wrong.statusCode, 422);
    assert.equal(wrong.json().error.code, 'CODE_INCORRECT');
    assert.equal(wrong.json().error.fields[0].field, 'code');
    assert.match(wrong.json().error.message, /4 tries left/);
    assert.equal((await phoneStatus(app, auth)).verified, false);
  });

  for (const code of ['12345', '1234567', 'abcdef', '12a456', '']) {
    test(`a malformed code ${JSON.stringify(code)} is 422 naming "code" and costs no attempt`, async (t) => {
      const { app, auth } = await setup(t);
      await setPhone(app, auth, '+447700900123');
      for (let i = 0; i < 6; i += 1) {
        const response = await verify(app, auth, code);
        assert.equal(response.statusCode, 422);
        assert.equal(response.json().error.fields[0].field, 'code');
      }
      assert.equal((await verify(app, auth, await latestCode(app, auth))).statusCode, 200);
    });
  }

  test('spaces inside the code are forgiven', async (t) => {
    const { app, auth } = await setup(t);
    await setPhone(app, auth, '+447700900123');
    const code = await latestCode(app, auth);
    assert.equal((await verify(app, auth, ` ${code.slice(0, 3)} ${code.slice(3)} `)).statusCode, 200);
  });

  test('five wrong attempts void the code: the sixth is refused even with the right code', async (t) => {
    const { app, auth } = await setup(t);
    await setPhone(app, auth, '+447700900123');
    const code = await latestCode(app, auth);
    for (let i = 0; i < 5; i += 1) assert.equal((await verify(app, auth, otherThan(code))).json().error.code, 'CODE_INCORRECT');
    const sixth = await verify(app, auth, code);
    assert.equal(sixth.statusCode, 422);
    assert.equal(sixth.json().error.code, 'CODE_ATTEMPTS_EXCEEDED');
    assert.equal(sixth.json().error.fields[0].field, 'code');
    assert.equal((await phoneStatus(app, auth)).verified, false);
  });

  test('the fifth attempt may still be the right one', async (t) => {
    const { app, auth } = await setup(t);
    await setPhone(app, auth, '+447700900123');
    const code = await latestCode(app, auth);
    for (let i = 0; i < 4; i += 1) await verify(app, auth, otherThan(code));
    assert.equal((await verify(app, auth, code)).statusCode, 200);
  });

  test('parallel guesses cannot exceed five attempts', async (t) => {
    const { app, auth } = await setup(t);
    await setPhone(app, auth, '+447700900123');
    const code = await latestCode(app, auth);
    const responses = await Promise.all(Array.from({ length: 20 }, () => verify(app, auth, otherThan(code))));
    assert.equal(responses.filter((r) => r.json().error.code === 'CODE_INCORRECT').length, 5);
    assert.equal((await verify(app, auth, code)).json().error.code, 'CODE_ATTEMPTS_EXCEEDED');
  });

  test('after the attempts are spent, a new code works', async (t) => {
    const { app, clock, auth } = await setup(t);
    await setPhone(app, auth, '+447700900123');
    const first = await latestCode(app, auth);
    for (let i = 0; i < 5; i += 1) await verify(app, auth, otherThan(first));
    clock.advance(30_000);
    assert.equal((await resend(app, auth)).statusCode, 202);
    assert.equal((await verify(app, auth, await latestCode(app, auth))).statusCode, 200);
  });

  test('a code expires after 5 minutes', async (t) => {
    const { app, clock, auth } = await setup(t);
    await setPhone(app, auth, '+447700900123');
    const code = await latestCode(app, auth);
    clock.advance(5 * 60_000 - 1);
    assert.equal((await verify(app, auth, otherThan(code))).json().error.code, 'CODE_INCORRECT', 'still alive a millisecond before');
    clock.advance(1);
    const late = await verify(app, auth, code);
    assert.equal(late.statusCode, 422);
    assert.equal(late.json().error.code, 'CODE_EXPIRED');
    assert.equal(late.json().error.fields[0].field, 'code');
    assert.equal((await phoneStatus(app, auth)).verified, false);
  });

  test('a resent code replaces the previous one', async (t) => {
    const { app, clock, auth } = await setup(t);
    await setPhone(app, auth, '+447700900123');
    const first = await latestCode(app, auth);
    clock.advance(30_000);
    await resend(app, auth);
    const second = await latestCode(app, auth);
    if (first !== second) assert.equal((await verify(app, auth, first)).json().error.code, 'CODE_INCORRECT');
    assert.equal((await verify(app, auth, second)).statusCode, 200);
  });

  test('codes keep their leading zeros all the way through', async (t) => {
    // One code in ten starts with 0: within 200 sends one does unless zeros get lost (odds of a miss: 1e-9).
    const { app, auth } = await setup(t, { SMS_RESEND_COOLDOWN_SECONDS: '0', SMS_PER_USER_PER_HOUR: '1000', SMS_PER_PHONE_PER_HOUR: '1000', SMS_PER_IP_PER_HOUR: '1000' });
    await setPhone(app, auth, '+447700900123');
    let code = await latestCode(app, auth);
    for (let sends = 1; !code.startsWith('0') && sends < 200; sends += 1) {
      assert.equal((await resend(app, auth)).statusCode, 202);
      const body = await readLatestSms(app, { auth });
      assert.match(body, /code is \d{6}\./, body);
      code = codeFromSms(body);
    }
    assert.ok(code.startsWith('0'), `no code with a leading zero in 200 sends (last: ${code})`);
    assert.equal((await verify(app, auth, code)).statusCode, 200);
  });

  test('changing the phone un-verifies it until the new number is proven', async (t) => {
    const { app, clock, auth } = await setup(t);
    await setPhone(app, auth, '+447700900123');
    await verify(app, auth, await latestCode(app, auth));
    clock.advance(30_000);

    const changed = await setPhone(app, auth, '+49 1512 3456789');
    assert.equal(changed.statusCode, 202);
    assert.deepEqual(await phoneStatus(app, auth), { phone: '+4915123456789', verified: false, resend_after: 30, phone_display: '+49 1512 3456789', sms_outbox: true });
    const outbox = (await app.inject({ method: 'GET', url: '/api/outbox', headers: auth })).json();
    assert.equal(outbox[0].to, '+4915123456789', 'the new code goes to the new number');
    assert.equal((await verify(app, auth, await latestCode(app, auth))).statusCode, 200);
    assert.deepEqual(await phoneStatus(app, auth), { phone: '+4915123456789', verified: true, resend_after: null, phone_display: '+49 1512 3456789', sms_outbox: true });
  });

  test('a code sent to the old number does not verify the new one', async (t) => {
    const { app, clock, auth } = await setup(t);
    await setPhone(app, auth, '+447700900123');
    const oldCode = await latestCode(app, auth);
    clock.advance(30_000);
    await setPhone(app, auth, '+447700900124');
    const newCode = await latestCode(app, auth);
    if (oldCode !== newCode) assert.equal((await verify(app, auth, oldCode)).json().error.code, 'CODE_INCORRECT');
    assert.equal((await phoneStatus(app, auth)).verified, false);
  });

  test('setting the already verified number again changes nothing and sends nothing', async (t) => {
    const { app, auth } = await setup(t);
    await setPhone(app, auth, '+447700900123');
    await verify(app, auth, await latestCode(app, auth));
    const again = await setPhone(app, auth, '+44 7700 900123');
    assert.equal(again.statusCode, 200);
    assert.deepEqual(again.json(), { phone: '+447700900123', verified: true, resend_after: null, phone_display: '+44 7700 900123', sms_outbox: true });
    assert.equal((await app.inject({ method: 'GET', url: '/api/outbox', headers: auth })).json().length, 1);
  });

  test('resend needs an unverified phone', async (t) => {
    const { app, auth } = await setup(t);
    const none = await resend(app, auth);
    assert.equal(none.statusCode, 409);
    assert.equal(none.json().error.code, 'PHONE_NOT_SET');
    await setPhone(app, auth, '+447700900123');
    await verify(app, auth, await latestCode(app, auth));
    const done = await resend(app, auth);
    assert.equal(done.statusCode, 409);
    assert.equal(done.json().error.code, 'PHONE_ALREADY_VERIFIED');
  });

  test('verify without a pending code is 422 naming "code"', async (t) => {
    const { app, auth } = await setup(t);
    const response = await verify(app, auth, '123456');
    assert.equal(response.statusCode, 422);
    assert.equal(response.json().error.code, 'NO_CODE_PENDING');
    assert.equal(response.json().error.fields[0].field, 'code');
  });

  test("one user's code does not verify another user's phone", async (t) => {
    const { app, clock, auth } = await setup(t);
    const mallory = await registerWithToken(app);
    await setPhone(app, auth, '+447700900123');
    clock.advance(1000);
    await setPhone(app, mallory.auth, '+447700900124');
    const aliceCode = await latestCode(app, auth);
    const malloryCode = await latestCode(app, mallory.auth);
    if (aliceCode !== malloryCode) assert.equal((await verify(app, mallory.auth, aliceCode)).statusCode, 422);
    assert.equal((await phoneStatus(app, auth)).verified, false);
  });

  test('the page uses these routes with its cookie and CSRF token', async (t) => {
    const { app } = await setup(t);
    const page = await registerWithSession(app);
    const noCsrf = await app.inject({ method: 'POST', url: '/api/account/phone', cookies: page.cookies, payload: { phone: '+447700900123' } });
    assert.equal(noCsrf.statusCode, 403);
    assert.deepEqual((await app.inject({ method: 'GET', url: '/api/outbox', cookies: page.cookies })).json(), []);

    const user = await registerWithVerifiedPhone(app, { phone: '+44 7700 900125' });
    assert.equal(user.phone, '+447700900125');
    const status = await app.inject({ method: 'GET', url: '/api/account/phone', cookies: user.cookies });
    assert.deepEqual(status.json(), { phone: '+447700900125', verified: true, resend_after: null, phone_display: '+44 7700 900125', sms_outbox: true });
    assert.equal((await phoneStatus(app, user.auth)).verified, true, 'the bearer token is for the same account');
  });

  test('registerWithVerifiedPhone gives each user a distinct number by default', async (t) => {
    const { app } = await setup(t);
    const users = [await registerWithVerifiedPhone(app), await registerWithVerifiedPhone(app), await registerWithVerifiedPhone(app)];
    assert.equal(new Set(users.map((u) => u.phone)).size, 3);
    assert.equal(new Set(users.map((u) => u.userId)).size, 3);
  });

  test('every phone route needs a caller', async (t) => {
    const { app } = await setup(t);
    for (const request of [
      { method: 'GET' as const, url: '/api/account/phone' },
      { method: 'POST' as const, url: '/api/account/phone', payload: { phone: '+447700900123' } },
      { method: 'POST' as const, url: '/api/account/phone/resend' },
      { method: 'POST' as const, url: '/api/account/phone/verify', payload: { code: '123456' } },
    ]) {
      assert.equal((await app.inject(request)).statusCode, 401, `${request.method} ${request.url}`);
    }
  });
});
