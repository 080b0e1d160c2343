/**
 * Repository search: a fresh cached answer if there is one, else GitHub
 * (unless GitHub told us to wait), else the local catalog. Every GitHub
 * answer is remembered in the catalog, so the fallback improves with use.
 */
import type { FastifyBaseLogger } from 'fastify';
import type { SearchResult } from '#contracts/search.ts';
import type { Clock } from '../../core/clock.ts';
import { AppError, RateLimitedError } from '../../core/errors.ts';
import type { Database } from '../../db/database.ts';
import { catalogTerms } from './catalog-query.ts';
import * as catalog from './catalog.repository.ts';
import { type GithubSearcher } from './github-client.ts';
import { classifyGithubFailure, windowSpentUntil } from './github-failure.ts';
import type { RateLimitGate } from './rate-limit-gate.ts';
import { catalogRowFromSummary, summaryFromCatalog } from './repo-summary.ts';
import { type CachedSearch, type SearchCache, searchCacheKey } from './search-cache.ts';
import type { SearchQuery } from './search-input.ts';

/** GitHub's own 422 (an unknown user:, a qualifier that does not apply...), passed on with its words. */
export class GithubRejectedQueryError extends AppError {
  readonly status = 422;
  readonly code = 'GITHUB_REJECTED_QUERY';
  constructor(field: string, message: string) {
    super(message, [{ field, message }]);
  }
}

export interface SearchServiceDeps {
  database: Database;
  github: GithubSearcher;
  cache: SearchCache;
  gate: RateLimitGate;
  clock: Clock;
  cacheSeconds: number;
  log: FastifyBaseLogger;
}

const UNREACHABLE_BACKOFF_MS = 5_000;

type Fallback = { reason: 'unreachable' } | { reason: 'rate_limited'; until: number };

export function createSearchService(deps: SearchServiceDeps) {
  const { database, github, cache, gate, clock, log } = deps;
  // Identical searches arriving together share one GitHub call.
  const inFlight = new Map<string, Promise<CachedSearch>>();
  // After GitHub proved unreachable, the catalog answers alone for a few seconds instead of
  // making every search wait for another failed connection.
  let unreachableUntil = 0;

  async function search(query: SearchQuery): Promise<SearchResult> {
    const key = searchCacheKey(query.q, query.page, query.perPage);
    const cached = await cache.get(key);
    if (cached) return answer(query, 'cache', cached);
    const closedUntil = await gate.closedUntil(clock.now());
    if (closedUntil !== null) return fromCatalog(query, { reason: 'rate_limited', until: closedUntil });
    if (clock.now() < unreachableUntil) return fromCatalog(query, { reason: 'unreachable' });

    let fresh = inFlight.get(key);
    if (!fresh) {
      fresh = fetchFromGithub(query, key).finally(() => inFlight.delete(key));
      inFlight.set(key, fresh);
    }
    try {
      return answer(query, 'github', await fresh);
    } catch (error) {
      const failure = classifyGithubFailure(error, clock.now());
      if (failure.kind === 'rejected') throw new GithubRejectedQueryError(failure.field, failure.message);
      if (failure.kind === 'rate_limited') {
        await gate.closeUntil(failure.until);
        log.warn({ until: new Date(failure.until).toISOString() }, 'GitHub search is rate limited');
        return fromCatalog(query, { reason: 'rate_limited', until: failure.until });
      }
      unreachableUntil = clock.now() + UNREACHABLE_BACKOFF_MS;
      log.warn({ detail: failure.detail }, 'GitHub search unreachable; answering from the catalog');
      return fromCatalog(query, { reason: 'unreachable' });
    }
  }

  async function fetchFromGithub(query: SearchQuery, key: string): Promise<CachedSearch> {
    const page = await github.searchRepositories(query);
    const spentUntil = windowSpentUntil(page.headers, clock.now());
    if (spentUntil !== null) await gate.closeUntil(spentUntil);
    const result = { total_count: page.totalCount, incomplete_results: page.incompleteResults, items: page.items };
    await remember(result);
    await cache.set(key, result, deps.cacheSeconds * 1000);
    return result;
  }

  /** Catalog upkeep must never cost the caller the answer GitHub just gave. */
  async function remember(result: CachedSearch): Promise<void> {
    if (result.items.length === 0) return;
    const now = clock.now();
    try {
      await catalog.upsertCatalogRepos(database.db, result.items.map((item) => catalogRowFromSummary(item, now)));
    } catch (error) {
      log.error({ err: error }, 'could not update the repository catalog');
    }
  }

  async function fromCatalog(query: SearchQuery, fallback: Fallback): Promise<SearchResult> {
    const { words, languages } = catalogTerms(query.q);
    const { total, hits } = await catalog.searchCatalog(database, words, { limit: query.perPage, offset: (query.page - 1) * query.perPage }, languages);
    const retryAfter =
      fallback.reason === 'rate_limited' ? Math.max(1, Math.ceil((fallback.until - clock.now()) / 1000)) : null;
    if (retryAfter !== null && total === 0) {
      throw new RateLimitedError('GITHUB_RATE_LIMITED', `GitHub search is rate limited; try again in ${retryAfter} s`, retryAfter);
    }
    return {
      source: 'catalog',
      fallback_reason: fallback.reason,
      retry_after: retryAfter,
      total_count: total,
      incomplete_results: false,
      page: query.page,
      per_page: query.perPage,
      items: hits.map(summaryFromCatalog),
    };
  }

  function answer(query: SearchQuery, source: 'github' | 'cache', found: CachedSearch): SearchResult {
    return { source, fallback_reason: null, retry_after: null, ...found, page: query.page, per_page: query.perPage };
  }

  return { search };
}

export type SearchService = ReturnType<typeof createSearchService>;
