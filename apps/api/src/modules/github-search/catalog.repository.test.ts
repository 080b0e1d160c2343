import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openFreshDatabase } from '../../../../../test-support/fake-github/search-harness.ts';
import type { CatalogRepoRow } from '../../db/schema.ts';
import { catalogWords } from './catalog-query.ts';
import { fts5Query, searchCatalog, upsertCatalogRepos } from './catalog.repository.ts';

function row(id: number, name: string, description: string | null, stars: number): CatalogRepoRow {
  return {
    id, name, full_name: `owner${id}/${name}`, owner_login: `owner${id}`, description, language: null, stars,
    html_url: `https://github.com/owner${id}/${name}`, seen_at: 1,
  };
}

test('catalogWords keeps plain words only: no qualifiers, exclusions, operators or punctuation', () => {
  assert.deepEqual(catalogWords('react language:javascript stars:>10 -vue'), ['react']);
  assert.deepEqual(catalogWords('"react native" OR NEAR(a b)'), ['react', 'native', 'near', 'a', 'b']);
  assert.deepEqual(catalogWords('c++ next.js 東京 🚀'), ['c', 'next', 'js', '東京']);
  assert.deepEqual(catalogWords('" * ^ ( ) column:foo'), []);
});

test('fts5Query quotes every word and doubles quotes inside', () => {
  assert.equal(fts5Query(['react', 'na"me']), '"react"* "na""me"*');
});

test('ranks name matches first, the popular first among them; pages with limit and offset', async (t) => {
  const database = await openFreshDatabase(t);
  await upsertCatalogRepos(database.db, [
    row(1, 'tools', 'helpers for parsers', 5000),
    row(2, 'parser', 'a parser', 10),
    row(3, 'parser-kit', null, 20),
    row(5, 'parser', 'the famous parser', 150000),
    row(4, 'unrelated', 'nothing here', 99999),
  ]);
  const all = await searchCatalog(database, ['parser'], { limit: 10, offset: 0 });
  assert.equal(all.total, 4);
  assert.equal(all.hits[0]!.id, 5, 'the much-starred name match comes first');
  assert.deepEqual(all.hits.map((h) => h.id).slice(3), [1], 'a description match ranks below name matches, however starred');
  const second = await searchCatalog(database, ['parser'], { limit: 1, offset: 1 });
  assert.deepEqual(second.hits.map((h) => h.id), [all.hits[1]!.id]);
  assert.deepEqual(await searchCatalog(database, [], { limit: 10, offset: 0 }), { total: 0, hits: [] });
});

test('upserts many rows in batches, duplicates included', async (t) => {
  const database = await openFreshDatabase(t);
  const rows = Array.from({ length: 1234 }, (_, i) => row(i + 1, `repo${i + 1}`, 'bulk', i));
  await upsertCatalogRepos(database.db, [...rows, row(7, 'seventh', 'changed', 7)]);
  const count = await database.db.selectFrom('catalog_repos').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  assert.equal(Number(count.n), 1234);
  assert.deepEqual((await searchCatalog(database, ['seventh'], { limit: 5, offset: 0 })).hits.map((h) => h.id), [7]);
  assert.equal((await searchCatalog(database, ['bulk'], { limit: 5, offset: 0 })).total, 1233);
});
