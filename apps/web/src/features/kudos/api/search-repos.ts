import { queryOptions, useQuery } from '@tanstack/react-query';
import type { SearchResult } from '#contracts/search.ts';
import { api } from '../../../lib/api-client.ts';

export const SEARCH_PER_PAGE = 20;
export const SEARCH_MIN_LENGTH = 3;
export const SEARCH_MAX_LENGTH = 256;
/** GitHub serves the first 1000 results of a search and no more. */
export const SEARCH_MAX_RESULTS = 1000;

export interface SearchParams {
  q: string;
  page: number;
}

export function searchRepos({ q, page }: SearchParams, signal?: AbortSignal): Promise<SearchResult> {
  const query = new URLSearchParams({ q, page: String(page), per_page: String(SEARCH_PER_PAGE) });
  return api.get<SearchResult>(`/api/github/search?${query}`, { signal });
}

export const searchQueryOptions = (params: SearchParams) =>
  queryOptions({
    queryKey: ['github-search', params.q, params.page] as const,
    queryFn: ({ signal }) => searchRepos(params, signal),
    staleTime: 60_000,
    // Turning pages keeps the current page on screen; a new search starts blank.
    placeholderData: (previous, previousQuery) => (previousQuery?.queryKey[1] === params.q ? previous : undefined),
  });

export function useRepoSearch(params: SearchParams | null) {
  return useQuery({
    ...searchQueryOptions(params ?? { q: '', page: 1 }),
    enabled: params !== null,
  });
}
