import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openFreshDatabase } from '../../../../../test-support/fake-github/search-harness.ts';
import type { CatalogRepoRow } from '../../db/schema.ts';
import { catalogTerms, catalogWords } from './catalog-query.ts';
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
  assert.deepEqual(catalogWords('c++ next.js 東京 🚀'), ['next', 'js', '東京']);
  assert.deepEqual(catalogWords('" * ^ ( ) column:foo'), []);
});

test('catalogTerms reads c++, C# and F# as languages, not as the letter c', () => {
  assert.deepEqual(catalogTerms('c++'), { words: [], languages: ['c++'] });
  assert.deepEqual(catalogTerms('C# json parser'), { words: ['json', 'parser'], languages: ['c#'] });
  assert.deepEqual(catalogTerms('f# c#'), { words: [], languages: ['f#', 'c#'] });
  // Not a language: the symbol in the middle of a word, a hashtag, or a qualifier's value.
  assert.deepEqual(catalogTerms('a#b #react language:c++'), { words: ['a', 'b', 'react'], languages: [] });
  assert.deepEqual(catalogTerms("c++' or 1=1 --"), { words: ['or', '1'], languages: ['c++'] }, 'punctuation around stays out of the name');
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

test('a language word finds repositories written in it, alone or with other words, on either database', async (t) => {
  const database = await openFreshDatabase(t);
  const written = (id: number, name: string, description: string, language: string | null, stars: number) => ({ ...row(id, name, description, stars), language });
  await upsertCatalogRepos(database.db, [
    written(1, 'protobuf', 'Protocol Buffers serialisation', 'C++', 60000),
    written(2, 'json', 'JSON for Modern C++', 'C++', 40000),
    written(3, 'clean-code-javascript', 'Clean Code concepts', 'JavaScript', 90000),
    written(4, 'newtonsoft-json', 'JSON framework for .NET', 'C#', 10000),
    written(5, 'chart', 'charts in canvas', null, 5000),
  ]);
  const ids = async (words: string[], languages: string[]) => (await searchCatalog(database, words, { limit: 10, offset: 0 }, languages)).hits.map((h) => h.id);
  assert.deepEqual(await ids([], ['c++']), [1, 2], 'C++ only, the most starred first');
  assert.deepEqual(await ids([], ['c#']), [4]);
  assert.deepEqual(await ids(['json'], ['c++']), [2], 'the words and the language together');
  assert.deepEqual((await ids(['json'], ['c#', 'c++'])).sort(), [2, 4], 'either language');
  assert.equal((await searchCatalog(database, [], { limit: 1, offset: 1 }, ['c++'])).hits[0]?.id, 2, 'pages like any search');
  assert.deepEqual(await searchCatalog(database, [], { limit: 10, offset: 0 }, ['cobol#']), { total: 0, hits: [] });
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
