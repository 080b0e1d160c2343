/**
 * The one call we make to GitHub, through Octokit. Failures are thrown as
 * Octokit throws them; github-failure.ts decides what they mean.
 */
import { Octokit } from '@octokit/rest';
import type { FastifyBaseLogger } from 'fastify';
import type { RepoSummary } from '#contracts/search.ts';
import type { AppConfig } from '../../config.ts';
import { isUsableItem, summaryFromGithub } from './repo-summary.ts';
import type { SearchQuery } from './search-input.ts';

export interface GithubSearchPage {
  totalCount: number;
  incompleteResults: boolean;
  items: RepoSummary[];
  headers: Record<string, string | number | undefined>;
}

export interface GithubSearcher {
  searchRepositories(query: SearchQuery): Promise<GithubSearchPage>;
}

export class UnexpectedGithubAnswer extends Error {}

export function createGithubClient(config: AppConfig['github'], log: FastifyBaseLogger): GithubSearcher {
  const octokit = new Octokit({
    baseUrl: config.apiUrl,
    auth: config.token,
    userAgent: 'kudos-payfriend',
    // Octokit logs every failed request as an error; the service logs what a
    // failure means (rate limited, unreachable) once, so Octokit's line is detail.
    log: {
      debug: () => {},
      info: () => {},
      warn: (message: string) => log.warn(message),
      error: (message: string) => log.debug(message),
    },
  });

  return {
    async searchRepositories({ q, page, perPage }) {
      // The URL template makes Octokit percent-encode q completely. Its plain
      // route leaves "+" as is, which GitHub reads as a space ("c++" -> "c  ").
      const response = await octokit.request('GET /search/repositories{?q,page,per_page}', {
        q,
        page,
        per_page: perPage,
        headers: { 'x-github-api-version': '2022-11-28' },
        request: { signal: AbortSignal.timeout(config.timeoutMs) },
      });
      const data = response.data as { total_count?: unknown; incomplete_results?: unknown; items?: unknown };
      if (typeof data?.total_count !== 'number' || !Array.isArray(data.items)) {
        throw new UnexpectedGithubAnswer('GitHub answered 200 without a search result');
      }
      return {
        totalCount: data.total_count,
        incompleteResults: data.incomplete_results === true,
        items: data.items.filter(isUsableItem).map(summaryFromGithub),
        headers: response.headers,
      };
    },
  };
}
