/**
 * Turns what a client posted (our field names, or GitHub's search item as
 * GitHub returns it) into the fields we store, with a named field for every
 * problem.
 */
import { type KudoInput, type KudoUpdate, LIMITS } from '#contracts/kudos.ts';
import { ValidationError } from '../../core/errors.ts';
import { type TextKind, textProblem } from '../../core/text.ts';
import type { KudoChanges } from './kudos.repository.ts';

export interface KudoFields {
  repo_id: number;
  repo_name: string;
  full_name: string;
  language: string | null;
  description: string | null;
  repo_url: string;
}

export function kudoFieldsFromInput(input: KudoInput): KudoFields {
  const changes = kudoChangesFromInput(input);
  const repo_name = changes.repo_name;
  if (repo_name === undefined) throw ValidationError.forField('repo_name', 'is required (or send GitHub\'s "name")');
  const ownerLogin = input.owner?.login;
  const full_name =
    changes.full_name ?? (ownerLogin !== undefined ? cleanText('full_name', `${cleanText('owner.login', ownerLogin)}/${repo_name}`) : undefined);
  if (full_name === undefined) throw ValidationError.forField('full_name', 'is required');
  if (full_name.length > LIMITS.fullName) throw ValidationError.forField('full_name', `must be at most ${LIMITS.fullName} characters`);
  const repo_url = changes.repo_url;
  if (repo_url === undefined) throw ValidationError.forField('repo_url', 'is required (or send GitHub\'s "html_url")');
  return {
    repo_id: input.id,
    repo_name,
    full_name,
    language: changes.language ?? null,
    description: changes.description ?? null,
    repo_url,
  };
}

/** The fields a PUT may change; `id` is the repository's identity and never changes. */
export function kudoChangesFromInput(input: KudoUpdate): KudoChanges {
  const changes: KudoChanges = {};
  if (input.repo_name !== undefined) changes.repo_name = cleanText('repo_name', input.repo_name);
  else if (input.name !== undefined) changes.repo_name = cleanText('name', input.name);
  if (input.full_name !== undefined) changes.full_name = cleanText('full_name', input.full_name);
  if (input.language !== undefined) changes.language = input.language === null ? null : cleanText('language', input.language);
  if (input.description !== undefined) {
    changes.description = input.description === null ? null : cleanText('description', input.description, 'free text');
  }
  const url = input.repo_url ?? input.html_url;
  if (url !== undefined) changes.repo_url = cleanUrl(input.repo_url !== undefined ? 'repo_url' : 'html_url', url);
  return changes;
}

/** Names, the language and URLs are labels; only the description is free text, and only it may be empty. */
function cleanText(field: string, value: string, kind: TextKind = 'label'): string {
  const problem = textProblem(value, kind);
  if (problem) throw ValidationError.forField(field, problem);
  if (kind === 'label' && value.trim() === '') throw ValidationError.forField(field, 'must not be blank');
  return value;
}

/** Only http(s) links: a repo_url is rendered as a link, so javascript: and data: must never get in. */
function cleanUrl(field: string, value: string): string {
  cleanText(field, value);
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw ValidationError.forField(field, 'must be an absolute http(s) URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw ValidationError.forField(field, 'must be an http(s) URL');
  return value;
}
