import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { GOOD_PASSWORD, registerWithSession, uniqueEmail } from '../../../../../test-support/api-client.ts';
import { buildTestApp } from '../../../../../test-support/build-test-app.ts';

const register = (email: string, password: string) => ({ method: 'POST' as const, url: '/api/auth/register', payload: { email, password } });
const login = (email: string, password: string) => ({ method: 'POST' as const, url: '/api/auth/login', payload: { email, password } });

describe('accounts', () => {
  test('register answers 201, signs in with an httpOnly SameSite cookie, and never returns the hash', async (t) => {
    const { app } = await buildTestApp(t);
    const response = await app.inject(register('New.User@Example.TEST ', GOOD_PASSWORD));
    assert.equal(response.statusCode, 201, response.body);
    const body = response.json();
    assert.equal(body.user.email, 'new.user@example.test', 'email normalised');
    assert.equal(typeof body.csrf_token, 'string');
    assert.doesNotMatch(response.body, /argon2/);
    const cookie = response.cookies.find((c) => c.name === 'sid');
    assert.ok(cookie);
    assert.equal(cookie.httpOnly, true);
    assert.equal(cookie.sameSite, 'Lax');
    assert.equal(cookie.path, '/');
  });

  test('the same mailbox cannot register twice, whatever its case', async (t) => {
    const { app } = await buildTestApp(t);
    assert.equal((await app.inject(register('dup@example.test', GOOD_PASSWORD))).statusCode, 201);
    const again = await app.inject(register('  DUP@example.test', GOOD_PASSWORD));
    assert.equal(again.statusCode, 409);
    assert.equal(again.json().error.fields[0].field, 'email');
  });

  const badRegistrations: [string, string, string, string][] = [
    ['not an email', 'nope', GOOD_PASSWORD, 'email'],
    ['email without domain dot', 'a@b', GOOD_PASSWORD, 'email'],
    ['missing email', '', GOOD_PASSWORD, 'email'],
    ['password of 7 characters', 'x@example.test', 'Ab3$xYz', 'password'],
    ['password of 129 characters', 'x@example.test', 'Ab3$xYz!'.repeat(16) + 'q', 'password'],
    ['a common password', 'x@example.test', 'password123', 'password'],
    ['a keyboard run', 'x@example.test', '12345678', 'password'],
    ['one repeated character', 'x@example.test', 'zzzzzzzzzz', 'password'],
    ['the email inside the password', 'johnsmith@example.test', 'johnsmith2026', 'password'],
    ['an unpaired surrogate in the password', 'x@example.test', '\ud800 my long passphrase', 'password'],
    ['a control character in the password', 'x@example.test', 'my long\u0007passphrase', 'password'],
  ];
  for (const [name, email, password, field] of badRegistrations) {
    test(`register refuses ${name}, naming "${field}"`, async (t) => {
      const { app } = await buildTestApp(t);
      const response = await app.inject(register(email, password));
      assert.ok([400, 422].includes(response.statusCode), response.body);
      assert.equal(response.json().error.fields[0].field, field);
      assert.equal(response.cookies.length, 0);
    });
  }

  test('a bad email and a bad password are both named at once', async (t) => {
    const { app } = await buildTestApp(t);
    const response = await app.inject(register('not-an-email', 'short'));
    assert.equal(response.statusCode, 422);
    assert.deepEqual(response.json().error.fields.map((f: { field: string }) => f.field), ['email', 'password']);
  });

  test('a 64-character passphrase with emoji is accepted and signs in', async (t) => {
    const { app } = await buildTestApp(t);
    const email = uniqueEmail();
    const password = 'long passphrase 🐙 with emoji and spaces, sixty-four chars total!!'.slice(0, 64);
    assert.equal((await app.inject(register(email, password))).statusCode, 201);
    assert.equal((await app.inject(login(email, password))).statusCode, 200);
  });

  test('a password with an unpaired surrogate never matches the one it would hash like', async (t) => {
    const { app } = await buildTestApp(t);
    const email = uniqueEmail();
    const stored = '\ufffd my long passphrase';
    assert.equal((await app.inject(register(email, stored))).statusCode, 201);
    for (const lookalike of ['\ud800 my long passphrase', '\udfff my long passphrase']) {
      const response = await app.inject(login(email, lookalike));
      assert.equal(response.statusCode, 401, response.body);
      assert.equal(response.json().error.code, 'INVALID_CREDENTIALS');
      const token = await app.inject({ method: 'POST', url: '/api/auth/token', payload: { email, password: lookalike } });
      assert.equal(token.statusCode, 401);
    }
    assert.equal((await app.inject(login(email, stored))).statusCode, 200);
  });

  test('look-alike emails: full-width letters are the same mailbox, Latin mixed with Cyrillic is refused', async (t) => {
    const { app } = await buildTestApp(t);
    const suffix = `${process.pid}-${Date.now()}`;
    assert.equal((await app.inject(register(`ｂｏｂ-${suffix}@example.test`, GOOD_PASSWORD))).statusCode, 201);
    assert.equal((await app.inject(login(`bob-${suffix}@example.test`, GOOD_PASSWORD))).statusCode, 200);
    assert.equal((await app.inject(register(`bob-${suffix}@example.test`, GOOD_PASSWORD))).statusCode, 409, 'one mailbox, one account');
    const mixed = await app.inject(register(`p\u0430yee-${suffix}@example.test`, GOOD_PASSWORD));
    assert.equal(mixed.statusCode, 422);
    assert.equal(mixed.json().error.fields[0].field, 'email');
    assert.match(mixed.json().error.message, /different alphabets/);
    assert.equal((await app.inject(register(`пример-${suffix}@example.test`, GOOD_PASSWORD))).statusCode, 201, 'one alphabet per part is fine');
  });

  test('a password is the same however its letters are encoded (NFKC)', async (t) => {
    const { app } = await buildTestApp(t);
    const email = uniqueEmail();
    assert.equal((await app.inject(register(email, 'caf\u00e9 au lait, s\u2019il vous pla\u00eet'))).statusCode, 201);
    assert.equal((await app.inject(login(email, 'cafe\u0301 au lait, s\u2019il vous plai\u0302t'))).statusCode, 200, 'decomposed accents');
    assert.equal((await app.inject(login(email, 'ｃａｆé au lait, s\u2019il vous plaît'))).statusCode, 200, 'full-width letters');
    assert.equal((await app.inject(login(email, 'cafe au lait, s\u2019il vous plait'))).statusCode, 401, 'but not without its accents');
  });

  test('wrong password and unknown email get the same answer', async (t) => {
    const { app } = await buildTestApp(t);
    const email = uniqueEmail();
    await app.inject(register(email, GOOD_PASSWORD));
    const wrong = await app.inject(login(email, 'wrong password!'));
    const unknown = await app.inject(login(uniqueEmail(), 'wrong password!'));
    const malformed = await app.inject(login('not-an-email', 'wrong password!'));
    for (const r of [wrong, unknown, malformed]) {
      assert.equal(r.statusCode, 401);
      assert.deepEqual(r.json(), wrong.json());
    }
    assert.equal((await app.inject(login(email.toUpperCase(), GOOD_PASSWORD))).statusCode, 200, 'login normalises too');
  });

  test('login is rate-limited per account, whatever the IP', async (t) => {
    const { app } = await buildTestApp(t, { env: { LOGIN_RATE_PER_ACCOUNT: '3' } });
    const email = uniqueEmail();
    await app.inject(register(email, GOOD_PASSWORD));
    for (let i = 0; i < 3; i++) {
      const r = await app.inject({ ...login(email, 'wrong password!'), remoteAddress: `10.0.0.${i + 1}` });
      assert.equal(r.statusCode, 401);
    }
    const limited = await app.inject({ ...login(email, GOOD_PASSWORD), remoteAddress: '10.0.0.9' });
    assert.equal(limited.statusCode, 429);
    assert.ok(Number(limited.headers['retry-after']) > 0);
    assert.equal(limited.json().error.code, 'RATE_LIMITED');
    const token = await app.inject({ method: 'POST', url: '/api/auth/token', payload: { email, password: GOOD_PASSWORD } });
    assert.equal(token.statusCode, 429, 'the token endpoint shares the limit');
  });

  test('login and registration are rate-limited per IP', async (t) => {
    const { app } = await buildTestApp(t, { env: { LOGIN_RATE_PER_IP: '4' } });
    for (let i = 0; i < 4; i++) {
      const r = await app.inject({ ...login(uniqueEmail(), 'wrong password!'), remoteAddress: '10.1.1.1' });
      assert.equal(r.statusCode, 401);
    }
    assert.equal((await app.inject({ ...register(uniqueEmail(), GOOD_PASSWORD), remoteAddress: '10.1.1.1' })).statusCode, 429);
    assert.equal((await app.inject({ ...register(uniqueEmail(), GOOD_PASSWORD), remoteAddress: '10.1.1.2' })).statusCode, 201);
  });

  test('session restores who is signed in; logout ends it and needs the CSRF token', async (t) => {
    const { app } = await buildTestApp(t);
    const page = await registerWithSession(app);
    const session = await app.inject({ method: 'GET', url: '/api/auth/session', cookies: page.cookies });
    assert.equal(session.statusCode, 200);
    assert.equal(session.json().user.email, page.email);
    assert.equal(session.json().csrf_token, page.csrfToken);

    assert.equal((await app.inject({ method: 'POST', url: '/api/auth/logout', cookies: page.cookies })).statusCode, 403);
    const out = await app.inject({ method: 'POST', url: '/api/auth/logout', cookies: page.cookies, headers: { 'x-csrf-token': page.csrfToken } });
    assert.equal(out.statusCode, 204);
    assert.equal((await app.inject({ method: 'GET', url: '/api/auth/session', cookies: page.cookies })).statusCode, 401);
    assert.equal((await app.inject({ method: 'GET', url: '/api/kudos', cookies: page.cookies })).statusCode, 401);
  });

  test('a forged session cookie is refused', async (t) => {
    const { app } = await buildTestApp(t);
    const response = await app.inject({ method: 'GET', url: '/api/kudos', cookies: { sid: 'forged-value' } });
    assert.equal(response.statusCode, 401);
  });

  test('auth bodies are validated as JSON objects', async (t) => {
    const { app } = await buildTestApp(t);
    for (const payload of [{}, { email: 'a@b.c' }, { password: 'x' }, { email: 5, password: GOOD_PASSWORD }]) {
      const response = await app.inject({ method: 'POST', url: '/api/auth/register', payload });
      assert.equal(response.statusCode, 422, JSON.stringify(payload));
      assert.ok(response.json().error.fields.length > 0);
    }
    const text = await app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'text/plain' }, payload: 'x' });
    assert.equal(text.statusCode, 415);
  });
});
