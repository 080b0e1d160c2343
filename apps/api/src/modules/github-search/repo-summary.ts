/**
 * The one shape a repository takes in our answers, whether it came from
 * GitHub or from the catalog. GitHub documents `owner`, `description` and
 * `language` as nullable, and they are null in practice.
 */
import type { RepoSummary } from '#contracts/search.ts';
import type { CatalogRepoRow } from '../../db/schema.ts';

/** The fields we read of an item of GitHub's `/search/repositories` answer. */
export interface GithubRepoItem {
  id: number;
  name: string;
  full_name: string;
  owner: { login: string } | null;
  description: string | null;
  language: string | null;
  stargazers_count: number;
  html_url: string;
}

export function summaryFromGithub(item: GithubRepoItem): RepoSummary {
  return {
    id: item.id,
    name: item.name,
    full_name: item.full_name,
    owner_login: item.owner?.login ?? null,
    description: item.description ?? null,
    language: item.language ?? null,
    stargazers_count: item.stargazers_count ?? 0,
    html_url: item.html_url,
  };
}

export function summaryFromCatalog(row: Omit<CatalogRepoRow, 'seen_at'>): RepoSummary {
  return {
    id: row.id,
    name: row.name,
    full_name: row.full_name,
    owner_login: row.owner_login,
    description: row.description,
    language: row.language,
    stargazers_count: row.stars,
    html_url: row.html_url,
  };
}

// PostgreSQL text cannot hold NUL; no name or description needs it.
const storable = <T extends string | null>(text: T): T => (text === null ? text : (text.replaceAll('\u0000', '') as T));

export function catalogRowFromSummary(summary: RepoSummary, seenAt: number): CatalogRepoRow {
  return {
    id: summary.id,
    name: storable(summary.name),
    full_name: storable(summary.full_name),
    owner_login: storable(summary.owner_login),
    description: storable(summary.description),
    language: storable(summary.language),
    stars: summary.stargazers_count,
    html_url: summary.html_url,
    seen_at: seenAt,
  };
}

/**
 * Checks an item of GitHub's answer before we store or return it. GitHub is
 * trusted for content, but a proxy or an API change must not put a row
 * without identity or a javascript: link into the catalog.
 */
export function isUsableItem(value: unknown): value is GithubRepoItem {
  if (typeof value !== 'object' || value === null) return false;
  const item = value as Record<string, unknown>;
  return (
    Number.isSafeInteger(item.id) &&
    (item.id as number) > 0 &&
    typeof item.name === 'string' &&
    typeof item.full_name === 'string' &&
    typeof item.html_url === 'string' &&
    /^https?:\/\//i.test(item.html_url)
  );
}
