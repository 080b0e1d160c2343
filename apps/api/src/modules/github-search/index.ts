/** GitHub repository search with a local catalog fallback. */
import type { FastifyInstance } from 'fastify';
import type { AppConfig } from '../../config.ts';
import type { Clock } from '../../core/clock.ts';
import type { Database } from '../../db/database.ts';
import type { RequireUser } from '../../plugins/auth.ts';

export interface GithubSearchDeps {
  database: Database;
  github: AppConfig['github'];
  clock: Clock;
  requireUser: RequireUser;
}

export function installGithubSearch(_app: FastifyInstance, _deps: GithubSearchDeps): void {
  // Routes are added by the search feature.
}
