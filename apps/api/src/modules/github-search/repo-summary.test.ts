import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { catalogRowFromSummary, isUsableItem, summaryFromCatalog, summaryFromGithub } from './repo-summary.ts';

// A real recorded item (fake GitHub's fixtures), with the fields GitHub documents as nullable set to null.
const recorded = JSON.parse(
  readFileSync(new URL('../../../../../test-support/fake-github/fixtures/DawChihLiou__top-starred-repos__response.json', import.meta.url), 'utf8'),
) as { items: Record<string, unknown>[] };

test('null owner, description and language become null fields', () => {
  const item = { ...recorded.items[1], owner: null, description: null, language: null };
  assert.ok(isUsableItem(item));
  assert.deepEqual(summaryFromGithub(item), {
    id: 362657620,
    name: 'jd_docker',
    full_name: 'wisz2021/jd_docker',
    owner_login: null,
    description: null,
    language: null,
    stargazers_count: item.stargazers_count,
    html_url: 'https://github.com/wisz2021/jd_docker',
  });
});

test('a summary survives the trip through a catalog row', () => {
  const item = recorded.items[0]!;
  assert.ok(isUsableItem(item));
  const summary = summaryFromGithub(item);
  assert.deepEqual(summaryFromCatalog(catalogRowFromSummary(summary, 1)), summary);
});

test('items without identity or with a non-http link are not used', () => {
  const item = recorded.items[0]!;
  assert.equal(isUsableItem({ ...item, id: undefined }), false);
  assert.equal(isUsableItem({ ...item, html_url: 'javascript:alert(1)' }), false);
  assert.equal(isUsableItem(null), false);
});
