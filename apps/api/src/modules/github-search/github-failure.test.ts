import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RequestError } from '@octokit/request-error';
import { classifyGithubFailure, rateLimitedUntil, windowSpentUntil } from './github-failure.ts';

const NOW = Date.UTC(2026, 0, 1);
const NOW_S = NOW / 1000;

function githubError(status: number, headers: Record<string, string>, data: unknown): RequestError {
  return new RequestError('GitHub said no', status, {
    request: { method: 'GET', url: 'https://api.github.com/search/repositories', headers: {} },
    response: { status, url: 'https://api.github.com/search/repositories', headers, data },
  });
}

test('rate limits: retry-after first, then the reset of a spent window, then a minute', () => {
  const spent = { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(NOW_S + 120) };
  assert.equal(rateLimitedUntil(403, spent, 'API rate limit exceeded', NOW), NOW + 120_000);
  assert.equal(rateLimitedUntil(403, { ...spent, 'retry-after': '30' }, '', NOW), NOW + 30_000);
  assert.equal(rateLimitedUntil(429, spent, '', NOW), NOW + 120_000);
  assert.equal(rateLimitedUntil(429, {}, '', NOW), NOW + 60_000);
  const secondary = 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.';
  const remaining = { 'x-ratelimit-remaining': '14', 'x-ratelimit-reset': String(NOW_S + 3000) };
  assert.equal(rateLimitedUntil(403, remaining, secondary, NOW), NOW + 60_000);
  assert.equal(rateLimitedUntil(403, { ...remaining, 'retry-after': '5' }, secondary, NOW), NOW + 5_000);
});

test('a 403 that is not a rate limit is not treated as one', () => {
  assert.equal(rateLimitedUntil(403, { 'x-ratelimit-remaining': '29' }, 'Resource not accessible by integration', NOW), null);
  assert.equal(rateLimitedUntil(500, { 'x-ratelimit-remaining': '0' }, '', NOW), null);
});

test('waits are bounded: a reset in the past waits a second, a bogus one at most an hour', () => {
  assert.equal(rateLimitedUntil(403, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(NOW_S - 500) }, '', NOW), NOW + 1000);
  assert.equal(rateLimitedUntil(429, { 'retry-after': '999999' }, '', NOW), NOW + 3_600_000);
});

test('a successful answer that spent the window closes it until the reset', () => {
  assert.equal(windowSpentUntil({ 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(NOW_S + 40) }, NOW), NOW + 40_000);
  assert.equal(windowSpentUntil({ 'x-ratelimit-remaining': '3', 'x-ratelimit-reset': String(NOW_S + 40) }, NOW), null);
});

test("classifies GitHub's 422 with its own message and field", () => {
  const failure = classifyGithubFailure(
    githubError(422, {}, {
      message: 'Validation Failed',
      errors: [{ message: 'None of the search qualifiers apply to this search type.', resource: 'Search', field: 'q', code: 'invalid' }],
    }),
    NOW,
  );
  assert.deepEqual(failure, { kind: 'rejected', field: 'q', message: 'None of the search qualifiers apply to this search type.' });
});

test('no response at all (refused, timed out) and 5xx are "unreachable"', () => {
  const timeout = new DOMException('The operation was aborted due to timeout', 'TimeoutError');
  assert.equal(classifyGithubFailure(timeout, NOW).kind, 'unreachable');
  assert.equal(classifyGithubFailure(new TypeError('fetch failed'), NOW).kind, 'unreachable');
  assert.equal(classifyGithubFailure(githubError(502, {}, ''), NOW).kind, 'unreachable');
});
