import { type Static, Type } from 'typebox';

export const SEARCH_RULES = {
  minQueryLength: 1,
  maxQueryLength: 256,
  maxOperators: 5,
  maxPerPage: 100,
  maxReachableResults: 1000,
} as const;

export const RepoSummary = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  full_name: Type.String(),
  owner_login: Type.Union([Type.String(), Type.Null()]),
  description: Type.Union([Type.String(), Type.Null()]),
  language: Type.Union([Type.String(), Type.Null()]),
  stargazers_count: Type.Integer(),
  html_url: Type.String(),
});
export type RepoSummary = Static<typeof RepoSummary>;

export const SearchSource = Type.Union([Type.Literal('github'), Type.Literal('cache'), Type.Literal('catalog')]);
export type SearchSource = Static<typeof SearchSource>;

export const SearchResult = Type.Object({
  source: SearchSource,
  /** Why the catalog answered instead of GitHub, when it did. */
  fallback_reason: Type.Union([Type.Literal('rate_limited'), Type.Literal('unreachable'), Type.Null()]),
  retry_after: Type.Union([Type.Integer(), Type.Null()]),
  total_count: Type.Integer(),
  incomplete_results: Type.Boolean(),
  page: Type.Integer(),
  per_page: Type.Integer(),
  items: Type.Array(RepoSummary),
});
export type SearchResult = Static<typeof SearchResult>;
