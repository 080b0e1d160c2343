import assert from 'node:assert/strict';
import { test } from 'node:test';
import { registerWithToken } from '../../../../test-support/api-client.ts';
import { buildTestApp, testEnv } from '../../../../test-support/build-test-app.ts';
import { freshDatabaseUrl } from '../../../../test-support/test-database.ts';
import { buildApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/database.ts';

test('health, readiness and metrics answer', async (t) => {
  const { app } = await buildTestApp(t);
  assert.deepEqual((await app.inject({ method: 'GET', url: '/healthz' })).json(), { status: 'ok' });
  assert.deepEqual((await app.inject({ method: 'GET', url: '/readyz' })).json(), { status: 'ready' });
  const { auth } = await registerWithToken(app);
  await app.inject({ method: 'GET', url: '/api/kudos', headers: auth });
  await app.inject({ method: 'GET', url: '/api/kudos/12', headers: auth });
  const metrics = await app.inject({ method: 'GET', url: '/metrics' });
  assert.equal(metrics.statusCode, 200);
  assert.match(metrics.headers['content-type'] as string, /text\/plain/);
  assert.match(metrics.body, /http_requests_total\{method="GET",route="\/api\/kudos",status="200"\} 1/);
  assert.match(metrics.body, /http_requests_total\{method="GET",route="\/api\/kudos\/:id",status="404"\} 1/, 'one series per route pattern');
  assert.match(metrics.body, /http_request_duration_seconds_bucket\{le="0.005",method="GET",route="\/api\/kudos"\}/);
  assert.match(metrics.body, /event_streams_open 0/);
});

test('with METRICS_TOKEN, /metrics answers only the scraper that sends it', async (t) => {
  const { app } = await buildTestApp(t, { env: { METRICS_TOKEN: 'scrape-me' } });
  for (const authorization of [undefined, 'Bearer wrong', 'scrape-me', 'Bearer scrape-me-not']) {
    const response = await app.inject({ method: 'GET', url: '/metrics', headers: authorization ? { authorization } : {} });
    assert.equal(response.statusCode, 401, String(authorization));
    assert.equal(response.json().error.code, 'METRICS_TOKEN_REQUIRED');
  }
  const scraped = await app.inject({ method: 'GET', url: '/metrics', headers: { authorization: 'Bearer scrape-me' } });
  assert.equal(scraped.statusCode, 200);
  assert.match(scraped.body, /http_requests_total/);
  assert.equal((await app.inject({ method: 'GET', url: '/healthz' })).statusCode, 200, 'probes stay open');
});

test('with METRICS_TOKEN, wrong guesses at /metrics count against the per-IP limit; the scraper with the token does not', async (t) => {
  const { app } = await buildTestApp(t, { env: { METRICS_TOKEN: 'scrape-me', API_RATE_PER_IP: '3' } });
  const guess = (n: number) => app.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer guess-${n}` } });
  const statuses = [];
  for (let n = 0; n < 5; n++) statuses.push((await guess(n)).statusCode);
  assert.deepEqual(statuses, [401, 401, 401, 429, 429]);
  for (let n = 0; n < 5; n++) {
    const scraped = await app.inject({ method: 'GET', url: '/metrics', headers: { authorization: 'Bearer scrape-me' } });
    assert.equal(scraped.statusCode, 200, 'the scraper is never limited');
  }
  assert.equal((await app.inject({ method: 'GET', url: '/healthz' })).statusCode, 200, 'probes stay open');
});

test('readiness answers 503 when the database does not answer', async (t) => {
  const config = loadConfig(testEnv({ DATABASE_URL: await freshDatabaseUrl(t) }));
  const database = openDatabase(config.database);
  const app = await buildApp(config, { logger: false, database });
  t.after(() => app.close());
  assert.equal((await app.inject({ method: 'GET', url: '/readyz' })).statusCode, 200);
  await database.destroy();
  const response = await app.inject({ method: 'GET', url: '/readyz' });
  assert.equal(response.statusCode, 503);
  assert.equal(response.json().error.code, 'DATABASE_UNAVAILABLE');
  assert.equal((await app.inject({ method: 'GET', url: '/healthz' })).statusCode, 200, 'the process itself is alive');
});
