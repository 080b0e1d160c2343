import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { openFreshDatabase } from '../../../../../test-support/fake-github/search-harness.ts';
import { CatalogFileError } from './catalog-file.ts';
import { importCatalogFile } from './catalog-import.ts';
import { searchCatalog } from './catalog.repository.ts';

const TRICKY_CSV = readFileSync(new URL('./test-fixtures/tricky-repos.csv', import.meta.url), 'utf8');
const RECORDED_ANSWER = readFileSync(
  new URL('../../../../../test-support/fake-github/fixtures/luisFilipePT__github-covid-finder__mockRepos.json', import.meta.url),
  'utf8',
);
const page = { limit: 50, offset: 0 };

test('imports CSV with quoted commas, doubled quotes and line breaks; counts rows without id and invalid ones', async (t) => {
  const database = await openFreshDatabase(t);
  const report = await importCatalogFile(database, TRICKY_CSV, 'tricky-repos.csv', 1);
  assert.deepEqual(
    { ...report, problems: report.problems.length },
    { imported: 5, skippedWithoutId: 2, invalid: 3, duplicates: 1, problems: 3 },
  );
  const rows = await database.db.selectFrom('catalog_repos').selectAll().orderBy('id').execute();
  assert.deepEqual(rows.map((r) => r.id), [101, 102, 103, 106, 107]);
  const byId = new Map(rows.map((r) => [r.id, r]));
  assert.equal(byId.get(101)?.description, 'Renamed, same id', 'the last row of an id wins');
  assert.equal(byId.get(102)?.description, 'The "best" parser, they say');
  assert.equal(byId.get(103)?.description, 'First line\nsecond line, with a comma');
  assert.equal(byId.get(103)?.language, null);
  assert.equal(byId.get(106)?.owner_login, '東京');
  assert.equal(byId.get(107)?.description, 'Line ends with CRLF');
  assert.equal(byId.get(102)?.stars, 900);
});

test('imported rows are searchable, and re-importing updates them in the index too', async (t) => {
  const database = await openFreshDatabase(t);
  await importCatalogFile(database, TRICKY_CSV, 'tricky-repos.csv', 1);
  assert.deepEqual((await searchCatalog(database, ['データ'], page)).hits.map((h) => h.id), [106]);
  assert.deepEqual((await searchCatalog(database, ['renamed'], page)).hits.map((h) => h.id), [101]);
  assert.equal((await searchCatalog(database, ['safe'], page)).total, 0, 'the replaced description left the index');

  const again = await importCatalogFile(database, TRICKY_CSV.replace('"Renamed, same id"', 'Now about rockets'), 'x.csv', 2);
  assert.equal(again.imported, 5);
  assert.equal((await database.db.selectFrom('catalog_repos').select('id').execute()).length, 5);
  assert.deepEqual((await searchCatalog(database, ['rockets'], page)).hits.map((h) => h.id), [101]);
  assert.equal((await searchCatalog(database, ['renamed'], page)).hits.length, 1, 'the name still says renamed');
});

test('imports a recorded GitHub answer (an object with items)', async (t) => {
  const database = await openFreshDatabase(t);
  const report = await importCatalogFile(database, RECORDED_ANSWER, 'answer.json', 1);
  assert.deepEqual(report, { imported: 10, skippedWithoutId: 0, invalid: 0, duplicates: 0, problems: [] });
  const hits = (await searchCatalog(database, ['covid'], page)).hits;
  assert.equal(hits.length, 10);
  assert.ok(hits.some((h) => h.full_name === 'CSSEGISandData/COVID-19' && h.language === null));
});

test('imports a JSON array of items, skipping items without id and counting broken ones', async (t) => {
  const database = await openFreshDatabase(t);
  const [first, second] = (JSON.parse(RECORDED_ANSWER) as { items: Record<string, unknown>[] }).items;
  const items = [
    first,
    { ...second, owner: null },
    { ...first, id: null },
    { ...first, id: undefined },
    { ...first, id: 'x1' },
    { ...first, id: 9, html_url: 'data:text/html,hi' },
    { ...first, id: 10, name: 42 },
    'not an item',
  ];
  const report = await importCatalogFile(database, JSON.stringify(items), 'items.json', 1);
  assert.equal(report.imported, 2);
  assert.equal(report.skippedWithoutId, 2);
  assert.equal(report.invalid, 4);
  const owners = await database.db.selectFrom('catalog_repos').select(['id', 'owner_login']).orderBy('id').execute();
  assert.deepEqual(owners.find((r) => r.id === second?.id)?.owner_login, null);
});

test('a file of the wrong shape is refused as a whole', async (t) => {
  const database = await openFreshDatabase(t);
  await assert.rejects(importCatalogFile(database, '{"total_count": 3}', 'a.json', 1), CatalogFileError);
  await assert.rejects(importCatalogFile(database, 'name,stars\nx,1\n', 'a.csv', 1), CatalogFileError);
  await assert.rejects(importCatalogFile(database, '[{]', 'a.json', 1), CatalogFileError);
});
