import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { SearchResult } from '#contracts/search.ts';
import { epochSeconds, startSearchHarness } from '../../../../../test-support/fake-github/search-harness.ts';

type Harness = Awaited<ReturnType<typeof startSearchHarness>>;

/** One normal search, so the catalog knows the recorded react repositories. */
async function seedCatalog(h: Harness): Promise<void> {
  const response = await h.search({ q: 'react', per_page: '100' });
  assert.equal((response.json() as SearchResult).source, 'github');
}

function expectCatalogAnswer(response: { statusCode: number; headers: Record<string, unknown>; json: () => unknown }, retryAfter: number) {
  assert.equal(response.statusCode, 200);
  const body = response.json() as SearchResult;
  assert.equal(body.source, 'catalog');
  assert.equal(body.fallback_reason, 'rate_limited');
  assert.equal(body.retry_after, retryAfter);
  assert.equal(response.headers['retry-after'], String(retryAfter));
  assert.ok(body.items.length > 0);
  return body;
}

test('primary limit (403, remaining 0): catalog until x-ratelimit-reset, no calls meanwhile, then GitHub again', async (t) => {
  const h = await startSearchHarness(t);
  await seedCatalog(h);
  h.fake.setBehavior('primary-rate-limit', { resetEpochSeconds: epochSeconds(h.clock, 120) });

  const limited = await h.search({ q: 'react router' });
  const body = expectCatalogAnswer(limited, 120);
  assert.ok(body.items.some((i) => i.full_name === 'ReactTraining/react-router'));
  assert.equal(h.githubCalls(), 2);

  h.clock.advance(119_000);
  expectCatalogAnswer(await h.search({ q: 'redux' }), 1);
  expectCatalogAnswer(await h.search({ q: 'react native' }), 1);
  assert.equal(h.githubCalls(), 2, 'no call to GitHub before the reset');

  h.fake.setBehavior('normal');
  h.clock.advance(1_000);
  const resumed = await h.search({ q: 'redux' });
  assert.equal((resumed.json() as SearchResult).source, 'github');
  assert.equal(h.githubCalls(), 3);
});

test('rate limited with nothing in the catalog: 429 GITHUB_RATE_LIMITED with Retry-After', async (t) => {
  const h = await startSearchHarness(t);
  h.fake.setBehavior('primary-rate-limit', { resetEpochSeconds: epochSeconds(h.clock, 300) });
  for (const q of ['react', 'anything else']) {
    const response = await h.search({ q });
    assert.equal(response.statusCode, 429);
    assert.equal(response.headers['retry-after'], '300');
    assert.equal((response.json() as { error: { code: string } }).error.code, 'GITHUB_RATE_LIMITED');
  }
  assert.equal(h.githubCalls(), 1);
});

test('secondary limit without retry-after: waits a minute, although requests remain in the window', async (t) => {
  const h = await startSearchHarness(t);
  await seedCatalog(h);
  h.fake.setBehavior('secondary-rate-limit', { resetEpochSeconds: epochSeconds(h.clock, 3000) });
  expectCatalogAnswer(await h.search({ q: 'hooks' }), 60);
  h.clock.advance(59_000);
  expectCatalogAnswer(await h.search({ q: 'hooks' }), 1);
  assert.equal(h.githubCalls(), 2);
  h.fake.setBehavior('normal');
  h.clock.advance(1_000);
  assert.equal((((await h.search({ q: 'hooks' })).json()) as SearchResult).source, 'github');
  assert.equal(h.githubCalls(), 3);
});

test('secondary limit with retry-after: waits exactly that long', async (t) => {
  const h = await startSearchHarness(t);
  await seedCatalog(h);
  h.fake.setBehavior('secondary-rate-limit', { retryAfterSeconds: 30 });
  expectCatalogAnswer(await h.search({ q: 'hooks' }), 30);
  h.clock.advance(29_500);
  expectCatalogAnswer(await h.search({ q: 'hooks' }), 1);
  assert.equal(h.githubCalls(), 2);
  h.clock.advance(500);
  await h.search({ q: 'hooks' });
  assert.equal(h.githubCalls(), 3);
});

test('429 with retry-after: waits for retry-after rather than the reset', async (t) => {
  const h = await startSearchHarness(t);
  await seedCatalog(h);
  h.fake.setBehavior('rate-limit-429', { retryAfterSeconds: 45, resetEpochSeconds: epochSeconds(h.clock, 600) });
  expectCatalogAnswer(await h.search({ q: 'navigation' }), 45);
  h.clock.advance(44_000);
  expectCatalogAnswer(await h.search({ q: 'navigation' }), 1);
  assert.equal(h.githubCalls(), 2);
  h.fake.setBehavior('normal');
  h.clock.advance(1_000);
  assert.equal((((await h.search({ q: 'navigation' })).json()) as SearchResult).source, 'github');
});

test('429 without retry-after: waits for x-ratelimit-reset', async (t) => {
  const h = await startSearchHarness(t);
  await seedCatalog(h);
  h.fake.setBehavior('rate-limit-429', { resetEpochSeconds: epochSeconds(h.clock, 90) });
  expectCatalogAnswer(await h.search({ q: 'navigation' }), 90);
  h.clock.advance(60_000);
  expectCatalogAnswer(await h.search({ q: 'select' }), 30);
  assert.equal(h.githubCalls(), 2);
});

test('cached answers are still served while GitHub is rate limited', async (t) => {
  const h = await startSearchHarness(t);
  await seedCatalog(h);
  h.fake.setBehavior('primary-rate-limit', { resetEpochSeconds: epochSeconds(h.clock, 120) });
  const cached = await h.search({ q: 'react', per_page: '100' });
  assert.equal((cached.json() as SearchResult).source, 'cache');
  assert.equal(h.githubCalls(), 1);
});
