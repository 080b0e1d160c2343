import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { test } from 'node:test';
import { GOOD_PASSWORD, registerWithSession, registerWithToken } from '../../../test-support/api-client.ts';
import { buildTestApp } from '../../../test-support/build-test-app.ts';

test('NUL, invisible and unpaired characters in an email are refused, on every auth route', async (t) => {
  const { app } = await buildTestApp(t);
  for (const email of ['nul\u0000@example.com', 'zero\u200bwidth@example.com', 'rtl\u202e@example.com', 'lone\ud800@example.com']) {
    for (const url of ['/api/auth/register', '/api/auth/login', '/api/auth/token']) {
      const response = await app.inject({ method: 'POST', url, payload: { email, password: GOOD_PASSWORD } });
      assert.ok(response.statusCode === 422 || response.statusCode === 401, `${url} ${JSON.stringify(email)}: ${response.statusCode}`);
    }
    const register = await app.inject({ method: 'POST', url: '/api/auth/register', payload: { email, password: GOOD_PASSWORD } });
    assert.equal(register.json().error.fields[0].field, 'email');
  }
});

test('owner.login is checked like every other text field, and full_name keeps its limit', async (t) => {
  const { app } = await buildTestApp(t);
  const { auth } = await registerWithToken(app);
  const base = { id: 6061, name: 'x', html_url: 'https://github.com/ev/x' };
  for (const [owner, field] of [[{ login: 'ev\u0000il' }, 'owner.login'], [{ login: '   ' }, 'owner.login'], [{ login: 'o'.repeat(100) }, 'full_name']] as const) {
    const response = await app.inject({ method: 'POST', url: '/api/kudos', headers: auth, payload: { ...base, name: 'n'.repeat(60), owner } });
    assert.equal(response.statusCode, 422, response.body);
    assert.equal(response.json().error.fields[0].field, field);
  }
  const lone = await app.inject({ method: 'POST', url: '/api/kudos', headers: auth, payload: { ...base, owner: { login: 'o' }, description: 'a\ud800b' } });
  assert.equal(lone.statusCode, 422);
  assert.equal(lone.json().error.fields[0].field, 'description');
});

test('errors about GitHub\'s "name" field name "name"', async (t) => {
  const { app } = await buildTestApp(t);
  const { auth } = await registerWithToken(app);
  const response = await app.inject({ method: 'POST', url: '/api/kudos', headers: auth, payload: { id: 30, name: ' ', full_name: 'a/b', html_url: 'https://x.io' } });
  assert.equal(response.json().error.fields[0].field, 'name');
});

test('the per-IP limit counts requests refused for bad credentials', async (t) => {
  const { app } = await buildTestApp(t, { env: { API_RATE_PER_IP: '5' } });
  const statuses: number[] = [];
  for (let i = 0; i < 8; i++) {
    const response = await app.inject({ method: 'GET', url: '/api/kudos', headers: { authorization: 'Bearer junk' }, remoteAddress: '10.9.9.9' });
    statuses.push(response.statusCode);
  }
  assert.deepEqual(statuses, [401, 401, 401, 401, 401, 429, 429, 429]);
});

test('logout with a bearer token does not end a cookie session sent alongside it', async (t) => {
  const { app } = await buildTestApp(t);
  const alice = await registerWithSession(app);
  const bob = await registerWithToken(app);
  const response = await app.inject({ method: 'POST', url: '/api/auth/logout', headers: bob.auth, cookies: alice.cookies });
  assert.equal(response.statusCode, 204);
  assert.equal((await app.inject({ method: 'GET', url: '/api/auth/session', cookies: alice.cookies })).statusCode, 200);
});

test('the bearer scheme is case-insensitive', async (t) => {
  const { app } = await buildTestApp(t);
  const { token } = await registerWithToken(app);
  assert.equal((await app.inject({ method: 'GET', url: '/api/kudos', headers: { authorization: `bearer ${token}` } })).statusCode, 200);
});

test('unreadable URLs and malformed HTTP get JSON errors', async (t) => {
  const { app } = await buildTestApp(t);
  for (const url of ['/api/kudos/%', '/api/kudos/%E0%A4%A', `/api/kudos/${'9'.repeat(300)}`]) {
    const response = await app.inject({ method: 'GET', url });
    assert.ok([400, 414].includes(response.statusCode), `${url}: ${response.statusCode}`);
    assert.equal(typeof response.json().error.code, 'string');
    assert.doesNotMatch(response.body, /9999999999/, 'the URL is not echoed');
  }
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as { port: number };
  const raw = await new Promise<string>((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write('GET /api/kudos HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n'));
    let data = '';
    socket.on('data', (chunk) => (data += chunk));
    socket.on('end', () => resolve(data));
    socket.on('error', reject);
  });
  assert.match(raw, /^HTTP\/1\.1 400/);
  assert.match(raw, /"code":"MALFORMED_REQUEST"/);
});

test('/api itself, API paths in other letter case or with doubled slashes, and missing asset files are JSON 404s, not the page', async (t) => {
  const { app } = await buildTestApp(t);
  for (const url of ['/api', '/assets/missing-file.js', '/favicon-missing.svg', '/API/KUDOS', '//api/kudos', '/Api']) {
    const response = await app.inject({ method: 'GET', url });
    assert.equal(response.statusCode, 404, url);
    assert.equal(response.json().error.code, 'NOT_FOUND');
  }
});
