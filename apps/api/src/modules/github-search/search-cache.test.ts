import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { SearchResult } from '#contracts/search.ts';
import { ManualClock } from '../../core/clock.ts';
import { startSearchHarness } from '../../../../../test-support/fake-github/search-harness.ts';
import { MemoryLruSearchCache } from './search-cache.ts';

const source = (response: { json: () => unknown }) => (response.json() as SearchResult).source;

test('a repeated search is answered from the cache until cacheSeconds pass', async (t) => {
  const h = await startSearchHarness(t, { env: { GITHUB_CACHE_SECONDS: '60' } });
  const first = await h.search({ q: 'react' });
  const second = await h.search({ q: 'react' });
  assert.equal(source(first), 'github');
  assert.equal(source(second), 'cache');
  assert.deepEqual((second.json() as SearchResult).items, (first.json() as SearchResult).items);
  assert.equal(h.githubCalls(), 1);

  h.clock.advance(59_999);
  assert.equal(source(await h.search({ q: 'react' })), 'cache');
  h.clock.advance(1);
  assert.equal(source(await h.search({ q: 'react' })), 'github');
  assert.equal(h.githubCalls(), 2);
});

test('the cache key is (q, page, per_page)', async (t) => {
  const h = await startSearchHarness(t);
  await h.search({ q: 'react' });
  await h.search({ q: 'react', page: '2' });
  await h.search({ q: 'react', per_page: '10' });
  await h.search({ q: 'React' });
  assert.equal(h.githubCalls(), 4);
  assert.equal(source(await h.search({ q: 'react', page: '2' })), 'cache');
  assert.equal(h.githubCalls(), 4);
});

test('GITHUB_CACHE_SECONDS=0 turns the cache off', async (t) => {
  const h = await startSearchHarness(t, { env: { GITHUB_CACHE_SECONDS: '0' } });
  await h.search({ q: 'react' });
  assert.equal(source(await h.search({ q: 'react' })), 'github');
  assert.equal(h.githubCalls(), 2);
});

test('identical searches arriving together make one GitHub call', async (t) => {
  const h = await startSearchHarness(t);
  const answers = await Promise.all([h.search({ q: 'redux' }), h.search({ q: 'redux' }), h.search({ q: 'redux' })]);
  assert.deepEqual(answers.map((a) => a.statusCode), [200, 200, 200]);
  assert.equal(h.githubCalls(), 1);
});

test('the memory cache keeps at most maxEntries, dropping the least recently used', async () => {
  const clock = new ManualClock();
  const cache = new MemoryLruSearchCache(clock, 2);
  const value = (n: number) => ({ total_count: n, incomplete_results: false, items: [] });
  await cache.set('a', value(1), 1000);
  await cache.set('b', value(2), 1000);
  await cache.get('a'); // a is now more recent than b
  await cache.set('c', value(3), 1000);
  assert.equal(cache.size, 2);
  assert.equal(await cache.get('b'), undefined);
  assert.equal((await cache.get('a'))?.total_count, 1);
  assert.equal((await cache.get('c'))?.total_count, 3);
  clock.advance(1000);
  assert.equal(await cache.get('a'), undefined, 'expired entries are not served');
});
