/** GitHub repository search with a local catalog fallback: wires the pieces together. */
import type { FastifyInstance } from 'fastify';
import type { AppConfig } from '../../config.ts';
import type { Clock } from '../../core/clock.ts';
import type { Database } from '../../db/database.ts';
import type { RequireUser } from '../../plugins/auth.ts';
import { createGithubClient } from './github-client.ts';
import { MemoryRateLimitGate, type RateLimitGate } from './rate-limit-gate.ts';
import { MemoryLruSearchCache, type SearchCache } from './search-cache.ts';
import { registerSearchRoutes } from './search.routes.ts';
import { createSearchService } from './search.service.ts';

export interface GithubSearchDeps {
  database: Database;
  github: AppConfig['github'];
  clock: Clock;
  requireUser: RequireUser;
  /** Shared stores for several instances; in-process ones when absent. */
  cache?: SearchCache;
  gate?: RateLimitGate;
}

export function installGithubSearch(app: FastifyInstance, deps: GithubSearchDeps): void {
  const search = createSearchService({
    database: deps.database,
    github: createGithubClient(deps.github, app.log),
    cache: deps.cache ?? new MemoryLruSearchCache(deps.clock, 500),
    gate: deps.gate ?? new MemoryRateLimitGate(),
    clock: deps.clock,
    cacheSeconds: deps.github.cacheSeconds,
    log: app.log,
  });
  registerSearchRoutes(app, { search, requireUser: deps.requireUser });
}
