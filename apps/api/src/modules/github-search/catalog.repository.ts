/**
 * The catalog: every repository seen in a GitHub answer or imported, kept so
 * that search still answers when GitHub cannot. Full-text search is the one
 * place where SQLite and PostgreSQL differ; the branch on `dialect` below is
 * the only one.
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { CatalogRepoRow, Schema } from '../../db/schema.ts';

const COLUMNS = ['id', 'name', 'full_name', 'owner_login', 'description', 'language', 'stars', 'html_url'] as const;
export type CatalogHit = Pick<CatalogRepoRow, (typeof COLUMNS)[number]>;

// 9 parameters a row: 500 rows stay far below SQLite's and PostgreSQL's limits on bound parameters.
const BATCH_SIZE = 500;

/**
 * Inserts or refreshes rows by GitHub id (names change, ids do not). Takes a
 * Kysely or a transaction, so an import can commit all its batches at once.
 */
export async function upsertCatalogRepos(db: Kysely<Schema>, rows: CatalogRepoRow[]): Promise<void> {
  // One statement may not touch the same row twice (PostgreSQL refuses): the last row of an id wins.
  const unique = [...new Map(rows.map((row) => [row.id, row])).values()];
  for (let start = 0; start < unique.length; start += BATCH_SIZE) {
    await db
      .insertInto('catalog_repos')
      .values(unique.slice(start, start + BATCH_SIZE))
      .onConflict((oc) =>
        oc.column('id').doUpdateSet((eb) => ({
          name: eb.ref('excluded.name'),
          full_name: eb.ref('excluded.full_name'),
          owner_login: eb.ref('excluded.owner_login'),
          description: eb.ref('excluded.description'),
          language: eb.ref('excluded.language'),
          stars: eb.ref('excluded.stars'),
          html_url: eb.ref('excluded.html_url'),
          seen_at: eb.ref('excluded.seen_at'),
        })),
      )
      .execute();
  }
}

export interface CatalogPage {
  total: number;
  hits: CatalogHit[];
}

type Page = { limit: number; offset: number };

/**
 * Best matches first, then the most starred; `words` are plain words and `languages` lower-case
 * language names (see catalog-query.ts). With languages only, the most starred in them come first.
 */
export async function searchCatalog(database: Database, words: string[], page: Page, languages: string[] = []): Promise<CatalogPage> {
  if (words.length === 0 && languages.length === 0) return { total: 0, hits: [] };
  if (words.length === 0) return searchByLanguage(database.db, languages, page);
  return database.dialect === 'postgres'
    ? searchPostgres(database.db, tsQuery(words), languages, page)
    : searchSqlite(database.db, fts5Query(words), languages, page);
}

/** `and lower(<column>) in (…)`, or nothing when no language is asked for. */
function languageFilter(column: string, languages: string[]) {
  if (languages.length === 0) return sql``;
  return sql`and lower(${sql.ref(column)}) in (${sql.join(languages)})`;
}

async function searchByLanguage(db: Kysely<Schema>, languages: string[], page: Page): Promise<CatalogPage> {
  const filter = languageFilter('language', languages);
  const counted = await sql<{ total: number | string }>`select count(*) as total from catalog_repos where true ${filter}`.execute(db);
  const total = Number(counted.rows[0]?.total ?? 0);
  if (total === 0 || page.offset >= total) return { total, hits: [] };
  const found = await sql<CatalogHit>`
    select id, name, full_name, owner_login, description, language, stars, html_url
    from catalog_repos where true ${filter}
    order by stars desc, id
    limit ${page.limit} offset ${page.offset}`.execute(db);
  return { total, hits: found.rows };
}

/**
 * Every word as an FTS5 string, so nothing in it is read as syntax (a double
 * quote inside a string is doubled), and as a prefix, because unicode61 does
 * not split CJK text into words: "東京" must find "東京都".
 */
export function fts5Query(words: string[]): string {
  return words.map((word) => `"${word.replaceAll('"', '""')}"*`).join(' ');
}

/**
 * The PostgreSQL twin of fts5Query: every word a quoted prefix term, all
 * required, so both databases find the same rows.
 */
export function tsQuery(words: string[]): string {
  return words.map((word) => `'${word.replaceAll("'", "''").replaceAll('\\', '\\\\')}':*`).join(' & ');
}

async function searchSqlite(db: Kysely<Schema>, match: string, languages: string[], page: Page): Promise<CatalogPage> {
  const filter = languageFilter('r.language', languages);
  // Counting needs the repositories' table only when a language narrows the matches.
  const counted = await (languages.length === 0
    ? sql<{ total: number }>`select count(*) as total from catalog_fts where catalog_fts match ${match}`
    : sql<{ total: number }>`
        select count(*) as total from catalog_fts join catalog_repos r on r.id = catalog_fts.rowid
        where catalog_fts match ${match} ${filter}`
  ).execute(db);
  const total = Number(counted.rows[0]?.total ?? 0);
  if (total === 0 || page.offset >= total) return { total, hits: [] };
  // bm25 weights: name, full_name, description, language. bm25 is negative (lower is better);
  // scaling it by popularity lifts well-known repositories without letting stars outrank relevance.
  const found = await sql<CatalogHit>`
    select r.id, r.name, r.full_name, r.owner_login, r.description, r.language, r.stars, r.html_url
    from catalog_fts join catalog_repos r on r.id = catalog_fts.rowid
    where catalog_fts match ${match} ${filter}
    order by bm25(catalog_fts, 10.0, 5.0, 1.0, 2.0) * (1 + 0.1 * ln(1 + r.stars)), r.stars desc, r.id
    limit ${page.limit} offset ${page.offset}`.execute(db);
  return { total, hits: found.rows };
}

async function searchPostgres(db: Kysely<Schema>, text: string, languages: string[], page: Page): Promise<CatalogPage> {
  // `text` is built by tsQuery: quoted terms only, so user input is never read as operators.
  const query = sql`to_tsquery('simple', ${text})`;
  const matching = sql<boolean>`search @@ ${query} ${languageFilter('language', languages)}`;
  const counted = await db
    .selectFrom('catalog_repos')
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .where(matching)
    .executeTakeFirst();
  const total = Number(counted?.total ?? 0);
  if (total === 0 || page.offset >= total) return { total, hits: [] };
  const hits = await db
    .selectFrom('catalog_repos')
    .select(COLUMNS)
    .where(matching)
    // Normalised to 0..1 (flag 32), then the same popularity scaling as the bm25 ordering above.
    .orderBy(sql`ts_rank(search, ${query}, 32) * (1 + 0.1 * ln(1 + stars))`, 'desc')
    .orderBy('stars', 'desc')
    .orderBy('id')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  return { total, hits };
}
