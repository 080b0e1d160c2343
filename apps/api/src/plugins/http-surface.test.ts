import assert from 'node:assert/strict';
import { test } from 'node:test';
import { registerWithToken } from '../../../../test-support/api-client.ts';
import { buildTestApp } from '../../../../test-support/build-test-app.ts';

const ALLOWED = 'https://app.example.com';

test('a preflight from an allowed origin succeeds without authentication', async (t) => {
  const { app } = await buildTestApp(t, { env: { CORS_ORIGINS: `${ALLOWED},https://other.example.com` } });
  const response = await app.inject({
    method: 'OPTIONS',
    url: '/api/kudos',
    headers: { origin: ALLOWED, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' },
  });
  assert.ok(response.statusCode === 204 || response.statusCode === 200, response.body);
  assert.equal(response.headers['access-control-allow-origin'], ALLOWED);
  assert.match(String(response.headers['access-control-allow-headers']), /authorization/i);
  assert.match(String(response.headers['access-control-allow-methods']), /POST/);
});

test('an allowed origin reads with a bearer token; other origins get no CORS headers', async (t) => {
  const { app } = await buildTestApp(t, { env: { CORS_ORIGINS: ALLOWED } });
  const { auth } = await registerWithToken(app);
  const allowed = await app.inject({ method: 'GET', url: '/api/kudos', headers: { ...auth, origin: ALLOWED } });
  assert.equal(allowed.headers['access-control-allow-origin'], ALLOWED);
  assert.equal(allowed.headers['access-control-allow-credentials'], undefined, 'cookies never cross origins');

  const evil = await app.inject({ method: 'GET', url: '/api/kudos', headers: { ...auth, origin: 'https://evil.example' } });
  assert.equal(evil.headers['access-control-allow-origin'], undefined);
  const evilPreflight = await app.inject({
    method: 'OPTIONS',
    url: '/api/kudos',
    headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization' },
  });
  assert.equal(evilPreflight.headers['access-control-allow-origin'], undefined);
});

test('security headers are set on every answer', async (t) => {
  const { app } = await buildTestApp(t);
  const response = await app.inject({ method: 'GET', url: '/api/kudos' });
  assert.equal(response.headers['x-content-type-options'], 'nosniff');
  assert.match(String(response.headers['content-security-policy']), /default-src 'self'/);
  assert.match(String(response.headers['content-security-policy']), /frame-ancestors 'none'/);
});

test('the OpenAPI description lists the kudos routes in both spellings', async (t) => {
  const { app } = await buildTestApp(t);
  const response = await app.inject({ method: 'GET', url: '/api/openapi.json' });
  assert.equal(response.statusCode, 200);
  const paths = Object.keys(response.json().paths);
  for (const path of ['/api/kudos', '/api/kudos/{id}', '/api/kudo/{id}', '/api/auth/token']) assert.ok(paths.includes(path), path);
});
