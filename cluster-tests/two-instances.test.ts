/**
 * Two server processes on different ports, one PostgreSQL and one Redis:
 * they must act as one site. Always runs on the real servers (TEST_DATABASE_URL,
 * TEST_REDIS_URL, defaulting to the local ones).
 */
import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { Redis } from 'ioredis';
import { type ServerProcess, startServer } from '../test-support/server-process.ts';
import { openPaymentStream, SiteUser } from '../test-support/site-user.ts';
import { freshDatabaseUrl } from '../test-support/test-database.ts';

const POSTGRES = process.env.TEST_DATABASE_URL?.startsWith('postgres') ? process.env.TEST_DATABASE_URL : 'postgres://postgres@127.0.0.1:5432/test';
const REDIS = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

describe('two instances sharing PostgreSQL and Redis', () => {
  const cleanups: (() => unknown)[] = [];
  let a: ServerProcess;
  let b: ServerProcess;
  const prefix = `cluster-${randomBytes(4).toString('hex')}:`;

  before(async () => {
    process.env.TEST_DATABASE_URL = POSTGRES;
    const databaseUrl = await freshDatabaseUrl({ after: (fn: () => unknown) => void cleanups.push(fn) });
    const env = {
      DATABASE_URL: databaseUrl,
      REDIS_URL: REDIS,
      REDIS_PREFIX: prefix,
      PUBLIC_URL: 'http://localhost:4433',
      GITHUB_API_URL: 'http://127.0.0.1:9',
      LOGIN_RATE_PER_ACCOUNT: '3',
      LOGIN_RATE_PER_IP: '1000',
    };
    // Started together: both migrate the empty database at once.
    [a, b] = await Promise.all([startServer('app', [], env), startServer('app', [], env)]);
    cleanups.push(() => a.stop(), () => b.stop());
  });

  after(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
    const redis = new Redis(REDIS);
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
  });

  test('both came up on the same freshly migrated database', async () => {
    for (const site of [a, b]) assert.deepEqual(await (await fetch(`${site.url}/readyz`)).json(), { status: 'ready' });
    const jwksA = await (await fetch(`${a.url}/.well-known/jwks.json`)).json();
    const jwksB = await (await fetch(`${b.url}/.well-known/jwks.json`)).json();
    assert.deepEqual(jwksA, jwksB, 'one signing key set for the whole site');
  });

  test('a session and a bearer token from A work on B, and B\'s token on A', async () => {
    const user = await SiteUser.register(a.url, `${randomUUID()}@example.test`);
    const session = await fetch(`${b.url}/api/auth/session`, { headers: { cookie: user.cookieHeader } });
    assert.equal(session.status, 200);
    assert.equal(((await session.json()) as { user: { email: string } }).user.email, user.email);
    assert.equal((await fetch(`${b.url}/api/kudos`, { headers: user.bearer })).status, 200);

    const fromB = await SiteUser.login(b.url, user.email);
    assert.equal((await fetch(`${a.url}/api/kudos`, { headers: fromB.bearer })).status, 200);
  });

  test('a kudo written through A shows at once in the list B had cached', async () => {
    const user = await SiteUser.register(a.url, `${randomUUID()}@example.test`);
    const list = async (site: ServerProcess) => (await (await fetch(`${site.url}/api/kudos`, { headers: user.bearer })).json()) as { id: number }[];
    assert.deepEqual(await list(b), []);
    await user.asPage('POST', '/api/kudos', { id: 42, repo_name: 'r', full_name: 'o/r', repo_url: 'https://github.com/o/r' });
    // The invalidation travels through Redis; allow it a moment rather than asserting on a race.
    let seen: { id: number }[] = [];
    for (let i = 0; i < 50 && seen.length === 0; i++) {
      seen = await list(b);
      if (seen.length === 0) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    assert.deepEqual(seen.map((k) => k.id), [42]);
  });

  test('a sign-in limit counts attempts on both instances', async () => {
    const user = await SiteUser.register(a.url, `${randomUUID()}@example.test`);
    const wrong = (site: ServerProcess) =>
      fetch(`${site.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: user.email, password: 'not the password' }) });
    assert.equal((await wrong(a)).status, 401);
    assert.equal((await wrong(b)).status, 401);
    assert.equal((await wrong(a)).status, 401);
    assert.equal((await wrong(b)).status, 429, 'the fourth attempt, wherever it lands, is over the limit of 3');
  });

  test('a payment created on A and approved by a device talking to B reaches the payer\'s stream on A', async () => {
    const payer = await SiteUser.register(a.url, `${randomUUID()}@example.test`);
    await payer.verifyPhone('+447700900777');
    const device = await payer.pairDevice();
    const payment = await payer.createPayment('friend@example.test', '19.99', randomUUID());
    const stream = await openPaymentStream(a.url, payer, payment.id);
    try {
      assert.equal((await stream.next())?.event, 'status');
      const [approval] = await device.approvals(b.url);
      assert.equal(approval?.payment_id, payment.id);
      assert.equal(approval?.amount, '19.99');
      const decided = await device.approve(b.url, payment.id, approval!.digest);
      assert.equal(decided.status, 200, decided.body);
      const event = await stream.next(5_000);
      assert.equal((event?.data as { status: string }).status, 'approved');
    } finally {
      stream.close();
    }
  });
});
