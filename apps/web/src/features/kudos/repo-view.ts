/** One shape for a repository on screen, whether it came from a kudo or a search. */
import type { Kudo, KudoInput } from '#contracts/kudos.ts';
import type { RepoSummary } from '#contracts/search.ts';

export interface RepoView {
  id: number;
  name: string;
  fullName: string;
  url: string;
  description: string | null;
  language: string | null;
  /** Unknown for kudos: they keep no star count. */
  stars: number | null;
}

export function fromKudo(kudo: Kudo): RepoView {
  return {
    id: kudo.id,
    name: kudo.repo_name,
    fullName: kudo.full_name,
    url: kudo.repo_url,
    description: kudo.description,
    language: kudo.language,
    stars: null,
  };
}

export function fromSearch(repo: RepoSummary): RepoView {
  return {
    id: repo.id,
    name: repo.name,
    fullName: repo.full_name,
    url: repo.html_url,
    description: repo.description,
    language: repo.language,
    stars: repo.stargazers_count,
  };
}

export function toKudoInput(repo: RepoView): KudoInput {
  return {
    id: repo.id,
    repo_name: repo.name,
    full_name: repo.fullName,
    language: repo.language,
    description: repo.description,
    repo_url: repo.url,
  };
}

/** What the list shows before the server has answered a new kudo. */
export function optimisticKudo(repo: RepoView): Kudo {
  return {
    id: repo.id,
    repo_name: repo.name,
    full_name: repo.fullName,
    language: repo.language,
    description: repo.description,
    repo_url: repo.url,
    user_id: '',
  };
}
