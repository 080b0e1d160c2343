/**
 * The plain words of a GitHub-style query, for searching the local catalog.
 * Qualifiers (`language:go`), exclusions (`-word`), operators and punctuation
 * are dropped: the catalog cannot honour them, and keeping only letters and
 * digits means no query syntax of either database can reach its SQL.
 *
 * One exception: a word ending in "++" or "#" (c++, c#, f#) names a language,
 * and the full-text index would read it as the letter "c". Such words match
 * the repository's language instead (as a bound value, never as syntax).
 */
const QUALIFIER = /(?:^|\s)-?[A-Za-z][\w-]*:(?:"[^"]*"|\S*)/g;
const EXCLUDED = /(?:^|\s)-\S+/g;
const WORD = /[\p{L}\p{N}\p{M}]+/gu;
const OPERATORS = new Set(['AND', 'OR', 'NOT']);
const LANGUAGE_WORD = /(?<![\p{L}\p{N}+#])\p{L}[\p{L}\p{N}]*(?:\+\+|#)(?![\p{L}\p{N}+#])/gu;
const MAX_WORDS = 16;

export interface CatalogTerms {
  /** Lower-case words the full-text index must hold, all of them. */
  words: string[];
  /** Lower-case language names (c++, c#) one of which the repository must be written in. */
  languages: string[];
}

export function catalogTerms(q: string): CatalogTerms {
  const text = q.replace(QUALIFIER, ' ').replace(EXCLUDED, ' ');
  const languages = unique(text.match(LANGUAGE_WORD) ?? []);
  const words = (text.replace(LANGUAGE_WORD, ' ').match(WORD) ?? []).filter((word) => !OPERATORS.has(word));
  return { words: unique(words), languages };
}

export function catalogWords(q: string): string[] {
  return catalogTerms(q).words;
}

function unique(words: string[]): string[] {
  return [...new Set(words.map((word) => word.toLowerCase()))].slice(0, MAX_WORDS);
}
