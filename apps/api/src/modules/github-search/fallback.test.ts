import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { SearchResult } from '#contracts/search.ts';
import { startSearchHarness } from '../../../../../test-support/fake-github/search-harness.ts';

type Harness = Awaited<ReturnType<typeof startSearchHarness>>;

async function seen(h: Harness, ...queries: string[]): Promise<void> {
  for (const q of queries) assert.equal(((await h.search({ q, per_page: '100' })).json() as SearchResult).source, 'github');
}

function catalogAnswer(response: { statusCode: number; headers: Record<string, unknown>; body: string; json: () => unknown }) {
  assert.equal(response.statusCode, 200, response.body);
  const body = response.json() as SearchResult;
  assert.equal(body.source, 'catalog');
  assert.equal(body.fallback_reason, 'unreachable');
  assert.equal(body.retry_after, null);
  assert.equal(response.headers['retry-after'], undefined);
  return body;
}

test('GitHub refusing connections: the catalog answers with what earlier searches saw', async (t) => {
  const h = await startSearchHarness(t);
  await seen(h, 'covid', 'react');
  await h.fake.close();

  const body = catalogAnswer(await h.search({ q: 'coronavirus' }));
  assert.ok(body.items.some((i) => i.full_name === 'CSSEGISandData/COVID-19'));
  assert.equal(body.total_count, body.items.length);
  const tokyo = catalogAnswer(await h.search({ q: '東京' }));
  assert.deepEqual(tokyo.items.map((i) => i.full_name), ['tokyo-metropolitan-gov/covid19']);
  const ranked = catalogAnswer(await h.search({ q: 'react native' }));
  assert.equal(ranked.items[0]?.full_name, 'facebook/react-native', 'best match first');
});

test('GitHub not answering within GITHUB_TIMEOUT_MS: the catalog answers', async (t) => {
  const h = await startSearchHarness(t, { env: { GITHUB_TIMEOUT_MS: '200' } });
  await seen(h, 'react');
  h.fake.setBehavior('hang');
  const started = Date.now();
  const body = catalogAnswer(await h.search({ q: 'router' }));
  assert.ok(Date.now() - started < 3000, 'the timeout cut the call short');
  assert.ok(body.items.some((i) => i.full_name === 'ReactTraining/react-router'));
});

test('GitHub answering 5xx: the catalog answers', async (t) => {
  const h = await startSearchHarness(t);
  await seen(h, 'react');
  h.fake.setBehavior('server-error');
  const body = catalogAnswer(await h.search({ q: 'hooks' }));
  assert.ok(body.items.length > 0);
});

test('unreachable with nothing in the catalog: 200 with no items', async (t) => {
  const h = await startSearchHarness(t);
  await h.fake.close();
  const body = catalogAnswer(await h.search({ q: 'react' }));
  assert.deepEqual(body.items, []);
  assert.equal(body.total_count, 0);
});

test('catalog answers are paged like GitHub answers', async (t) => {
  const h = await startSearchHarness(t);
  await seen(h, 'react');
  await h.fake.close();
  const all = catalogAnswer(await h.search({ q: 'react', per_page: '50' }));
  const second = catalogAnswer(await h.search({ q: 'react', per_page: '5', page: '2' }));
  assert.equal(second.total_count, all.total_count);
  assert.deepEqual(second.items.map((i) => i.id), all.items.slice(5, 10).map((i) => i.id));
});

test('no query text reaches FTS5 as syntax: odd queries never answer 5xx', async (t) => {
  const h = await startSearchHarness(t);
  await seen(h, 'react');
  await h.fake.close();
  const attempts = [
    '"', '""', '*', 'react*', 'NEAR(', 'NEAR(react native)', 'a OR b', 'react OR', 'NOT react', '-x', '-', 'column:foo',
    'name:react', 'full_name : react', '{name description}: react', '^react', '"react', 'react"', '(', ')', 'a AND (b',
    "'; drop table catalog_repos; --", '\\', '+', 'c++', 'c#', '🚀', '%', '_', '\u200b', 'react\tnative',
  ];
  for (const q of attempts) {
    const response = await h.search({ q });
    assert.ok(response.statusCode < 500, `${JSON.stringify(q)} answered ${response.statusCode}: ${response.body}`);
    assert.equal(response.statusCode, 200, `${JSON.stringify(q)}: ${response.body}`);
  }
  const still = catalogAnswer(await h.search({ q: 'react' }));
  assert.ok(still.total_count >= 30, 'the catalog is intact');
});

test('after GitHub proved unreachable, it is left alone for 5 seconds, then tried again', async (t) => {
  const h = await startSearchHarness(t);
  await seen(h, 'react');
  h.fake.setBehavior('server-error');
  catalogAnswer(await h.search({ q: 'covid' }));
  const calls = h.githubCalls();
  catalogAnswer(await h.search({ q: 'vue' }));
  assert.equal(h.githubCalls(), calls, 'no call while backing off');
  h.fake.setBehavior('normal');
  h.clock.advance(5_000);
  assert.equal(((await h.search({ q: 'vue' })).json() as SearchResult).source, 'github');
  assert.equal(h.githubCalls(), calls + 1);
});
