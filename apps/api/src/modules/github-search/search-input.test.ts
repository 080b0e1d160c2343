import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ValidationError } from '../../core/errors.ts';
import { countOperators, parseSearchQuery } from './search-input.ts';

function fieldOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    if (error instanceof ValidationError) return error.fields?.[0]?.field;
    throw error;
  }
  return undefined;
}

test('defaults to page 1 of 30 and trims the query', () => {
  assert.deepEqual(parseSearchQuery({ q: '  react  ' }), { q: 'react', page: 1, perPage: 30 });
  assert.deepEqual(parseSearchQuery({ q: 'react', page: '2', per_page: '50' }), { q: 'react', page: 2, perPage: 50 });
});

test('counts length in characters, so 256 emoji are allowed', () => {
  assert.equal(parseSearchQuery({ q: '🚀'.repeat(256) }).q.length, 512);
  assert.equal(fieldOf(() => parseSearchQuery({ q: '🚀'.repeat(257) })), 'q');
});

test('counts only upper-case operators outside quoted phrases', () => {
  assert.equal(countOperators('a AND b OR c NOT d'), 3);
  assert.equal(countOperators('and or not android ORM'), 0);
  assert.equal(countOperators('"AND OR NOT AND OR NOT" x'), 0);
  assert.equal(fieldOf(() => parseSearchQuery({ q: '"a AND b OR c AND d OR e AND f" OR g' })), undefined);
});

test('page × per_page may reach exactly the 1000th result, not beyond', () => {
  assert.equal(parseSearchQuery({ q: 'x', page: '33' }).page, 33);
  assert.equal(fieldOf(() => parseSearchQuery({ q: 'x', page: '34' })), 'page');
  assert.equal(parseSearchQuery({ q: 'x', page: '1000', per_page: '1' }).page, 1000);
  assert.equal(fieldOf(() => parseSearchQuery({ q: 'x', page: '99999999999999999999' })), 'page');
});

test('rejects text GitHub could not be sent: NUL and lone surrogates', () => {
  assert.equal(fieldOf(() => parseSearchQuery({ q: 'a\u0000b' })), 'q');
  assert.equal(fieldOf(() => parseSearchQuery({ q: 'a\uD800b' })), 'q');
});
