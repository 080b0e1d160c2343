import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { SearchResult } from '#contracts/search.ts';
import { buildTestApp } from '../../../../../test-support/build-test-app.ts';
import { startSearchHarness } from '../../../../../test-support/fake-github/search-harness.ts';

test('searches GitHub and maps items, null language and non-Latin text included', async (t) => {
  const { search, fake } = await startSearchHarness(t);
  const response = await search({ q: 'covid', per_page: '10' });
  assert.equal(response.statusCode, 200);
  const body = response.json() as SearchResult;
  assert.equal(body.source, 'github');
  assert.equal(body.fallback_reason, null);
  assert.equal(body.retry_after, null);
  assert.equal(body.page, 1);
  assert.equal(body.per_page, 10);
  assert.equal(body.items.length, 10);
  const jhu = body.items.find((i) => i.full_name === 'CSSEGISandData/COVID-19');
  assert.deepEqual(jhu && { owner_login: jhu.owner_login, language: jhu.language }, { owner_login: 'CSSEGISandData', language: null });
  const tokyo = body.items.find((i) => i.id === 243894277);
  assert.match(tokyo?.description ?? '', /東京都 新型コロナウイルス感染症対策サイト/);
  assert.deepEqual(Object.keys(tokyo ?? {}).sort(), [
    'description', 'full_name', 'html_url', 'id', 'language', 'name', 'owner_login', 'stargazers_count',
  ]);
  const sent = fake.requests.at(-1)!;
  assert.equal(sent.query.get('per_page'), '10');
  assert.equal(sent.query.get('page'), '1');
});

test('sends the query to GitHub byte for byte: c++, c#, Japanese, emoji, & and %', async (t) => {
  const { search, fake } = await startSearchHarness(t);
  for (const q of ['c++', 'c#', '日本語', '🚀 rocket', 'a&b=c %20 +x', 'react language:"jupyter notebook"']) {
    const response = await search({ q });
    assert.equal(response.statusCode, 200, `${q}: ${response.body}`);
    assert.equal(fake.requests.at(-1)?.query.get('q'), q);
  }
});

test('finds recorded repositories by non-Latin words', async (t) => {
  const { search } = await startSearchHarness(t);
  const body = (await search({ q: '東京都' })).json() as SearchResult;
  assert.deepEqual(body.items.map((i) => i.full_name), ['tokyo-metropolitan-gov/covid19']);
});

test('sends the configured token to GitHub', async (t) => {
  const { search, fake } = await startSearchHarness(t, { env: { GITHUB_TOKEN: 'ghp_exampletoken' } });
  await search({ q: 'react' });
  assert.equal(fake.requests.at(-1)?.headers.authorization, 'token ghp_exampletoken');
});

const SIX_OPERATORS = 'a AND b OR c NOT d AND e OR f NOT g';
const BROKEN_RULES: [string, Record<string, string>, string][] = [
  ['q missing', {}, 'q'],
  ['q blank', { q: '   ' }, 'q'],
  ['q over 256 characters', { q: 'a'.repeat(257) }, 'q'],
  ['more than 5 operators', { q: SIX_OPERATORS }, 'q'],
  ['per_page 0', { q: 'react', per_page: '0' }, 'per_page'],
  ['per_page 101', { q: 'react', per_page: '101' }, 'per_page'],
  ['per_page not a number', { q: 'react', per_page: 'ten' }, 'per_page'],
  ['page 0', { q: 'react', page: '0' }, 'page'],
  ['page negative', { q: 'react', page: '-1' }, 'page'],
  ['page fractional', { q: 'react', page: '1.5' }, 'page'],
  ['page past the first 1000 results', { q: 'react', page: '34' }, 'page'],
  ['page past the first 1000 results at 100 a page', { q: 'react', page: '11', per_page: '100' }, 'page'],
];

for (const [name, query, field] of BROKEN_RULES) {
  test(`rejects ${name} with 422 naming ${field}, without calling GitHub`, async (t) => {
    const { search, githubCalls } = await startSearchHarness(t);
    const response = await search(query);
    assert.equal(response.statusCode, 422, response.body);
    const { error } = response.json() as { error: { code: string; fields: { field: string }[] } };
    assert.equal(error.code, 'VALIDATION_FAILED');
    assert.equal(error.fields[0]?.field, field);
    assert.equal(githubCalls(), 0);
  });
}

test('accepts the limits themselves: 256 characters, 5 operators, page 10 of 100', async (t) => {
  const { search } = await startSearchHarness(t);
  const limits: Record<string, string>[] = [
    { q: 'a'.repeat(256) },
    { q: 'a AND b OR c NOT d AND e OR f' },
    { q: 'react', page: '10', per_page: '100' },
  ];
  for (const query of limits) {
    assert.equal((await search(query)).statusCode, 200, JSON.stringify(query));
  }
});

test("passes GitHub's own 422 on as GITHUB_REJECTED_QUERY naming q", async (t) => {
  const { search } = await startSearchHarness(t);
  const cases: [string, RegExp][] = [
    ['react user:nobody-here-zz', /cannot be searched either because the resources do not exist/],
    ['author:octocat', /None of the search qualifiers apply to this search type/],
  ];
  for (const [q, message] of cases) {
    const response = await search({ q });
    assert.equal(response.statusCode, 422);
    const { error } = response.json() as { error: { code: string; message: string; fields: { field: string }[] } };
    assert.equal(error.code, 'GITHUB_REJECTED_QUERY');
    assert.equal(error.fields[0]?.field, 'q');
    assert.match(error.message, message);
  }
});

test('rejects a repeated q as invalid rather than failing', async (t) => {
  const { app, auth } = await startSearchHarness(t);
  const response = await app.inject({ method: 'GET', url: '/api/github/search?q=a&q=b', headers: auth });
  assert.equal(response.statusCode, 422);
});

test('answers 401 to a caller who is not signed in', async (t) => {
  const { app } = await buildTestApp(t);
  const response = await app.inject({ method: 'GET', url: '/api/github/search?q=react' });
  assert.equal(response.statusCode, 401);
  assert.equal((response.json() as { error: { code: string } }).error.code, 'UNAUTHENTICATED');
});
