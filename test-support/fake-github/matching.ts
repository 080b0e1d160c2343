/**
 * A small imitation of GitHub's repository search over the recorded items:
 * every plain word must occur (case-insensitively) in the name, full name,
 * description, language or topics; `-word` excludes; `language:`, `user:` and
 * `org:` filter; AND/OR/NOT are read as plain AND, which is all the fake needs.
 */
import type { RecordedItem } from './recordings.ts';

const REPOSITORY_QUALIFIERS = new Set([
  'archived', 'created', 'followers', 'fork', 'forks', 'good-first-issues', 'help-wanted-issues', 'in', 'is',
  'language', 'license', 'mirror', 'org', 'pushed', 'repo', 'size', 'sort', 'stars', 'template', 'topic', 'topics', 'user',
]);
const OPERATORS = new Set(['AND', 'OR', 'NOT']);

export interface ParsedQuery {
  words: string[];
  excluded: string[];
  qualifiers: { name: string; value: string }[];
}

export function parseQuery(q: string): ParsedQuery {
  const parsed: ParsedQuery = { words: [], excluded: [], qualifiers: [] };
  // A token is a qualifier (name:value or name:"a b"), a quoted phrase, or a bare word.
  for (const match of q.matchAll(/(-?)(?:([A-Za-z][\w-]*):("[^"]*"|\S*)|"([^"]*)"|(\S+))/g)) {
    const [, minus, name, value, phrase, word] = match;
    if (name !== undefined) {
      // A negated qualifier only narrows GitHub's answer further; the fake ignores it.
      if (minus) continue;
      parsed.qualifiers.push({ name: name.toLowerCase(), value: (value ?? '').replace(/^"|"$/g, '') });
    } else {
      const text = (phrase ?? word ?? '').toLowerCase();
      if (text === '' || OPERATORS.has(phrase ?? word ?? '')) continue;
      (minus ? parsed.excluded : parsed.words).push(text);
    }
  }
  return parsed;
}

/** Qualifiers none of which apply to repositories, with nothing else to search for: GitHub rejects those. */
export function hasOnlyForeignQualifiers(query: ParsedQuery): boolean {
  return (
    query.words.length === 0 &&
    query.qualifiers.length > 0 &&
    query.qualifiers.every((q) => !REPOSITORY_QUALIFIERS.has(q.name))
  );
}

/** The logins named by user:/org: that own no recorded repository (GitHub: "cannot be searched"). */
export function unknownOwners(query: ParsedQuery, items: RecordedItem[]): string[] {
  const owners = new Set(items.map((item) => item.owner?.login.toLowerCase()));
  return query.qualifiers
    .filter((q) => (q.name === 'user' || q.name === 'org') && !owners.has(q.value.toLowerCase()))
    .map((q) => q.value);
}

function searchableText(item: RecordedItem): string {
  return [item.name, item.full_name, item.description ?? '', item.language ?? '', ...(item.topics ?? [])]
    .join('\n')
    .toLowerCase();
}

export function matches(item: RecordedItem, query: ParsedQuery): boolean {
  const text = searchableText(item);
  if (!query.words.every((word) => text.includes(word))) return false;
  if (query.excluded.some((word) => text.includes(word))) return false;
  for (const { name, value } of query.qualifiers) {
    const wanted = value.toLowerCase();
    if (name === 'language' && (item.language ?? '').toLowerCase() !== wanted) return false;
    if ((name === 'user' || name === 'org') && item.owner?.login.toLowerCase() !== wanted) return false;
  }
  return true;
}
