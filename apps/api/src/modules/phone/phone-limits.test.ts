import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type TestContext, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { registerWithToken } from '../../../../../test-support/api-client.ts';
import { buildTestApp } from '../../../../../test-support/build-test-app.ts';
import { ManualClock } from '../../core/clock.ts';
import { openDatabase } from '../../db/database.ts';

type Auth = Record<string, string>;
const setPhone = (app: FastifyInstance, auth: Auth, phone: string, ip = '127.0.0.1') =>
  app.inject({ method: 'POST', url: '/api/account/phone', headers: auth, payload: { phone }, remoteAddress: ip });
const resend = (app: FastifyInstance, auth: Auth, ip = '127.0.0.1') =>
  app.inject({ method: 'POST', url: '/api/account/phone/resend', headers: auth, remoteAddress: ip });
const outboxSize = async (app: FastifyInstance, auth: Auth) =>
  (await app.inject({ method: 'GET', url: '/api/outbox', headers: auth })).json().length as number;

async function setup(t: TestContext, env: Record<string, string>) {
  const clock = new ManualClock();
  // Bearer tokens outlive the hour these tests move through.
  const { app } = await buildTestApp(t, { env: { TOKEN_TTL_SECONDS: '86400', ...env }, overrides: { clock } });
  return { app, clock };
}

describe('SMS limits on phone codes', () => {
  test('resend cool-down: 429 with Retry-After saying when, then allowed', async (t) => {
    const { app, clock } = await setup(t, {});
    const { auth } = await registerWithToken(app);
    await setPhone(app, auth, '+447700900123');
    clock.advance(10_000);

    const early = await resend(app, auth);
    assert.equal(early.statusCode, 429);
    assert.equal(early.headers['retry-after'], '20');
    assert.equal(early.json().error.code, 'SMS_RESEND_TOO_SOON');
    assert.match(early.json().error.message, /wait 20 seconds/);
    assert.equal((await app.inject({ method: 'GET', url: '/api/account/phone', headers: auth })).json().resend_after, 20);
    assert.equal(await outboxSize(app, auth), 1, 'nothing sent');

    clock.advance(19_999);
    assert.equal((await resend(app, auth)).statusCode, 429);
    clock.advance(1);
    const onTime = await resend(app, auth);
    assert.equal(onTime.statusCode, 202);
    assert.equal(onTime.json().resend_after, 30);
    assert.equal(await outboxSize(app, auth), 2);
  });

  test('the cool-down also covers changing to another number', async (t) => {
    const { app } = await setup(t, { SMS_RESEND_COOLDOWN_SECONDS: '45' });
    const { auth } = await registerWithToken(app);
    await setPhone(app, auth, '+447700900123');
    const other = await setPhone(app, auth, '+447700900124');
    assert.equal(other.statusCode, 429);
    assert.equal(other.headers['retry-after'], '45');
    assert.equal((await app.inject({ method: 'GET', url: '/api/account/phone', headers: auth })).json().phone, '+447700900123', 'the refused change is not stored');
  });

  test('per user per hour', async (t) => {
    const { app, clock } = await setup(t, { SMS_RESEND_COOLDOWN_SECONDS: '0', SMS_PER_USER_PER_HOUR: '3' });
    const { auth } = await registerWithToken(app);
    await setPhone(app, auth, '+447700900123');
    await setPhone(app, auth, '+447700900124', '10.0.0.2');
    assert.equal((await resend(app, auth, '10.0.0.3')).statusCode, 202);
    const fourth = await resend(app, auth, '10.0.0.4');
    assert.equal(fourth.statusCode, 429);
    assert.equal(fourth.json().error.code, 'SMS_RATE_LIMITED');
    assert.match(fourth.json().error.message, /for this account; try again in 60 minutes/);
    assert.equal(fourth.headers['retry-after'], '3600');
    assert.equal(await outboxSize(app, auth), 3);

    clock.advance(3_600_000);
    assert.equal((await resend(app, auth)).statusCode, 202, 'a new hour, a new budget');
  });

  test('per phone per hour, across accounts', async (t) => {
    const { app, clock } = await setup(t, { SMS_PER_PHONE_PER_HOUR: '2' });
    const users = [await registerWithToken(app), await registerWithToken(app), await registerWithToken(app)];
    assert.equal((await setPhone(app, users[0]!.auth, '+447700900123', '10.0.0.1')).statusCode, 202);
    assert.equal((await setPhone(app, users[1]!.auth, '+447700900123', '10.0.0.2')).statusCode, 202);
    clock.advance(20 * 60_000);
    const third = await setPhone(app, users[2]!.auth, '+44 7700 900123', '10.0.0.3');
    assert.equal(third.statusCode, 429);
    assert.match(third.json().error.message, /to this phone number; try again in 40 minutes/);
    assert.equal(third.headers['retry-after'], String(40 * 60));
    assert.equal((await setPhone(app, users[2]!.auth, '+447700900124', '10.0.0.3')).statusCode, 202, 'another number is fine');
  });

  test('per IP per hour, across accounts and numbers', async (t) => {
    const { app } = await setup(t, { SMS_PER_IP_PER_HOUR: '2' });
    const users = [await registerWithToken(app), await registerWithToken(app), await registerWithToken(app)];
    assert.equal((await setPhone(app, users[0]!.auth, '+447700900121', '203.0.113.7')).statusCode, 202);
    assert.equal((await setPhone(app, users[1]!.auth, '+447700900122', '203.0.113.7')).statusCode, 202);
    const third = await setPhone(app, users[2]!.auth, '+447700900123', '203.0.113.7');
    assert.equal(third.statusCode, 429);
    assert.match(third.json().error.message, /from this network/);
    assert.ok(Number(third.headers['retry-after']) > 0);
    assert.equal((await setPhone(app, users[2]!.auth, '+447700900123', '198.51.100.9')).statusCode, 202, 'another address is fine, and no cool-down was started');
  });

  test('a send one budget refuses spends none of the others: nobody can use up a stranger\'s phone budget', async (t) => {
    const { app } = await setup(t, { SMS_RESEND_COOLDOWN_SECONDS: '0', SMS_PER_IP_PER_HOUR: '1', SMS_PER_PHONE_PER_HOUR: '2', SMS_PER_USER_PER_HOUR: '3' });
    const victim = await registerWithToken(app);
    const attacker = await registerWithToken(app);
    // The attacker spends its own network's budget, then keeps asking for codes to the victim's number.
    assert.equal((await setPhone(app, attacker.auth, '+447700900555', '203.0.113.66')).statusCode, 202);
    for (let i = 0; i < 5; i++) {
      const refused = await setPhone(app, attacker.auth, '+447700900321', '203.0.113.66');
      assert.equal(refused.statusCode, 429);
      assert.match(refused.json().error.message, /from this network/);
    }
    // Neither the victim's phone budget (2) nor the attacker's own (3) was spent by those refusals.
    assert.equal((await setPhone(app, victim.auth, '+447700900321', '198.51.100.1')).statusCode, 202);
    assert.equal((await resend(app, victim.auth, '198.51.100.2')).statusCode, 202);
    assert.equal((await resend(app, victim.auth, '198.51.100.3')).statusCode, 429, 'the phone budget holds');
    assert.equal((await setPhone(app, attacker.auth, '+447700900556', '198.51.100.4')).statusCode, 202);
    assert.equal((await setPhone(app, attacker.auth, '+447700900557', '198.51.100.5')).statusCode, 202);
    assert.equal(await outboxSize(app, victim.auth), 2);
    assert.equal(await outboxSize(app, attacker.auth), 3);
  });

  test('the cool-down holds across instances that count separately', async (t) => {
    const dir = mkdtempSync(join(tmpdir(), 'phone-instances-'));
    const database = openDatabase({ dialect: 'sqlite', file: join(dir, 'test.db') });
    const clock = new ManualClock();
    const first = (await buildTestApp(t, { overrides: { database, clock } })).app;
    const second = (await buildTestApp(t, { overrides: { database, clock } })).app;
    t.after(() => rmSync(dir, { recursive: true, force: true }));
    const { auth } = await registerWithToken(first);
    assert.equal((await setPhone(first, auth, '+447700900123')).statusCode, 202);
    clock.advance(5_000);
    const elsewhere = await resend(second, auth);
    assert.equal(elsewhere.statusCode, 429);
    assert.equal(elsewhere.json().error.code, 'SMS_RESEND_TOO_SOON');
    assert.equal(elsewhere.headers['retry-after'], '25');
    assert.equal(await outboxSize(second, auth), 1);
  });
});
