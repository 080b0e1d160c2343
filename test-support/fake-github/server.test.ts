import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startFakeGithub } from './server.ts';

async function started(t: { after: (fn: () => Promise<void>) => void }) {
  const fake = await startFakeGithub();
  t.after(() => fake.close());
  const get = (query: Record<string, string>, headers: Record<string, string> = {}) =>
    fetch(`${fake.url}/search/repositories?${new URLSearchParams(query)}`, { headers });
  return { fake, get };
}

test('answers a search with recorded items in GitHub wire format', async (t) => {
  const { get } = await started(t);
  const response = await get({ q: 'react', per_page: '5' }, { authorization: 'token t' });
  assert.equal(response.status, 200);
  assert.equal(response.headers.get('content-type'), 'application/json; charset=utf-8');
  assert.equal(response.headers.get('x-ratelimit-limit'), '30');
  assert.equal(response.headers.get('x-ratelimit-resource'), 'search');
  assert.match(response.headers.get('link') ?? '', /page=2&?[^>]*>; rel="next"/);
  const body = (await response.json()) as { total_count: number; incomplete_results: boolean; items: { full_name: string }[] };
  assert.equal(body.incomplete_results, false);
  assert.equal(body.items.length, 5);
  assert.ok(body.total_count >= 30, `react matches the whole react recording (got ${body.total_count})`);
  assert.equal(body.items[0]?.full_name, 'facebook/react');
});

test('pages through the matches and totals them', async (t) => {
  const { get } = await started(t);
  const all = (await (await get({ q: 'react', per_page: '100' })).json()) as { total_count: number; items: { id: number }[] };
  const second = (await (await get({ q: 'react', per_page: '10', page: '2' })).json()) as { total_count: number; items: { id: number }[] };
  assert.equal(all.items.length, all.total_count);
  assert.equal(second.total_count, all.total_count);
  assert.deepEqual(
    second.items.map((i) => i.id),
    all.items.slice(10, 20).map((i) => i.id),
  );
  assert.equal(new Set(all.items.map((i) => i.id)).size, all.items.length, 'merged recordings hold each id once');
});

test('matches words case-insensitively in descriptions, languages and non-Latin text', async (t) => {
  const { get } = await started(t);
  const tokyo = (await (await get({ q: '東京都' })).json()) as { items: { full_name: string }[] };
  assert.deepEqual(tokyo.items.map((i) => i.full_name), ['tokyo-metropolitan-gov/covid19']);
  const kotlin = (await (await get({ q: 'COVID language:kotlin' })).json()) as { items: { full_name: string }[] };
  assert.deepEqual(kotlin.items.map((i) => i.full_name), ['rizmaulana/kotlin-mvvm-covid19']);
  const none = (await (await get({ q: 'no-such-word-anywhere' })).json()) as { total_count: number };
  assert.equal(none.total_count, 0);
});

test("answers GitHub's recorded 422 bodies for queries GitHub rejects", async (t) => {
  const { get } = await started(t);
  const missing = await get({});
  assert.equal(missing.status, 422);
  assert.deepEqual(((await missing.json()) as { errors: { code: string }[] }).errors[0]?.code, 'missing');
  const long = await get({ q: 'a'.repeat(257) });
  assert.equal(long.status, 422);
  assert.match(JSON.stringify(await long.json()), /longer than 256 characters/);
  const pastCap = await get({ q: 'react', per_page: '100', page: '11' });
  assert.equal(pastCap.status, 422);
  assert.match(JSON.stringify(await pastCap.json()), /first 1000 search results/);
  const unknownUser = await get({ q: 'react user:nobody-here-zz' });
  assert.equal(unknownUser.status, 422);
  assert.match(JSON.stringify(await unknownUser.json()), /cannot be searched/);
  const foreign = await get({ q: 'author:octocat' });
  assert.equal(foreign.status, 422);
  assert.match(JSON.stringify(await foreign.json()), /None of the search qualifiers apply/);
});

test('rate-limit behaviors send the recorded bodies and headers', async (t) => {
  const { fake, get } = await started(t);
  fake.setBehavior('primary-rate-limit', { resetEpochSeconds: 1_800_000_000 });
  const primary = await get({ q: 'react' });
  assert.equal(primary.status, 403);
  assert.equal(primary.headers.get('x-ratelimit-remaining'), '0');
  assert.equal(primary.headers.get('x-ratelimit-reset'), '1800000000');
  assert.equal(primary.headers.get('retry-after'), null);
  assert.match(((await primary.json()) as { message: string }).message, /API rate limit exceeded/);

  fake.setBehavior('secondary-rate-limit');
  const secondary = await get({ q: 'react' });
  assert.equal(secondary.status, 403);
  assert.notEqual(secondary.headers.get('x-ratelimit-remaining'), '0');
  assert.equal(secondary.headers.get('retry-after'), null);
  assert.match(((await secondary.json()) as { message: string }).message, /secondary rate limit/);

  fake.setBehavior('rate-limit-429', { retryAfterSeconds: 42 });
  const tooMany = await get({ q: 'react' });
  assert.equal(tooMany.status, 429);
  assert.equal(tooMany.headers.get('retry-after'), '42');
  await tooMany.body?.cancel();

  fake.setBehavior('server-error');
  const broken = await get({ q: 'react' });
  assert.equal(broken.status, 502);
  await broken.body?.cancel();
});

test("'hang' never answers, and close() still returns", async (t) => {
  const { fake } = await started(t);
  fake.setBehavior('hang');
  await assert.rejects(
    fetch(`${fake.url}/search/repositories?q=react`, { signal: AbortSignal.timeout(150) }),
    (error: Error) => error.name === 'TimeoutError',
  );
});

test('logs every request with its decoded query and headers', async (t) => {
  const { fake, get } = await started(t);
  await (await get({ q: 'c++ 日本語 🚀' }, { authorization: 'token abc' })).body?.cancel();
  const last = fake.requests.at(-1);
  assert.equal(last?.path, '/search/repositories');
  assert.equal(last?.query.get('q'), 'c++ 日本語 🚀');
  assert.equal(last?.headers.authorization, 'token abc');
});
