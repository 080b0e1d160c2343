/**
 * GitHub's search rules, checked before calling it: a query GitHub would
 * reject costs a request from a budget of 10-30 a minute, and its error would
 * not name our field.
 */
import { SEARCH_RULES } from '#contracts/search.ts';
import { ValidationError } from '../../core/errors.ts';

export interface SearchQuery {
  q: string;
  page: number;
  perPage: number;
}

export interface RawSearchQuery {
  q?: string;
  page?: string;
  per_page?: string;
}

const DEFAULT_PER_PAGE = 30;

export function parseSearchQuery(raw: RawSearchQuery): SearchQuery {
  const q = (raw.q ?? '').trim();
  // Code points, not UTF-16 units: an emoji is one character to GitHub.
  const length = [...q].length;
  if (length < SEARCH_RULES.minQueryLength) throw ValidationError.forField('q', 'is required');
  if (length > SEARCH_RULES.maxQueryLength) {
    throw ValidationError.forField('q', `must be at most ${SEARCH_RULES.maxQueryLength} characters`);
  }
  if (q.includes('\u0000') || /\p{Cs}/u.test(q)) throw ValidationError.forField('q', 'must be valid text');
  if (countOperators(q) > SEARCH_RULES.maxOperators) {
    throw ValidationError.forField('q', `may use at most ${SEARCH_RULES.maxOperators} AND/OR/NOT operators`);
  }
  const perPage = wholeNumber('per_page', raw.per_page, DEFAULT_PER_PAGE, SEARCH_RULES.maxPerPage);
  const maxPage = Math.floor(SEARCH_RULES.maxReachableResults / perPage);
  const page = wholeNumber('page', raw.page, 1, Number.MAX_SAFE_INTEGER);
  if (page > maxPage) {
    throw ValidationError.forField(
      'page',
      `only the first ${SEARCH_RULES.maxReachableResults} results can be reached: with per_page=${perPage}, page must be at most ${maxPage}`,
    );
  }
  return { q, page, perPage };
}

/** GitHub's operators are upper-case words outside quoted phrases. */
export function countOperators(q: string): number {
  const unquoted = q.replace(/"[^"]*"/g, ' ');
  return unquoted.split(/\s+/).filter((word) => word === 'AND' || word === 'OR' || word === 'NOT').length;
}

function wholeNumber(field: string, raw: string | undefined, fallback: number, max: number): number {
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = /^\s*\d{1,16}\s*$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(value) || value < 1 || value > max) {
    throw ValidationError.forField(field, max === Number.MAX_SAFE_INTEGER ? 'must be a whole number, 1 or more' : `must be a whole number from 1 to ${max}`);
  }
  return value;
}
