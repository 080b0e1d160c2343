/**
 * The plain words of a GitHub-style query, for searching the local catalog.
 * Qualifiers (`language:go`), exclusions (`-word`), operators and punctuation
 * are dropped: the catalog cannot honour them, and keeping only letters and
 * digits means no query syntax of either database can reach its SQL.
 */
const QUALIFIER = /(?:^|\s)-?[A-Za-z][\w-]*:(?:"[^"]*"|\S*)/g;
const EXCLUDED = /(?:^|\s)-\S+/g;
const WORD = /[\p{L}\p{N}\p{M}]+/gu;
const OPERATORS = new Set(['AND', 'OR', 'NOT']);
const MAX_WORDS = 16;

export function catalogWords(q: string): string[] {
  const text = q.replace(QUALIFIER, ' ').replace(EXCLUDED, ' ');
  const words = (text.match(WORD) ?? []).filter((word) => !OPERATORS.has(word));
  return [...new Set(words.map((word) => word.toLowerCase()))].slice(0, MAX_WORDS);
}
