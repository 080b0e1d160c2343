/**
 * What a failed GitHub call means for us: the query was wrong (tell the
 * caller), GitHub asked us to wait (stop calling until then), or GitHub could
 * not be used (answer from the catalog).
 */
import { RequestError } from '@octokit/request-error';

export type GithubFailure =
  | { kind: 'rejected'; field: string; message: string }
  | { kind: 'rate_limited'; until: number }
  | { kind: 'unreachable'; detail: string };

type Headers = Record<string, string | number | undefined>;

// GitHub's advice when a secondary limit names no time: wait at least a minute.
const DEFAULT_WAIT_MS = 60_000;
// A bogus header must not switch GitHub off for days.
const LONGEST_WAIT_MS = 3_600_000;
const OUR_FIELDS = new Set(['q', 'page', 'per_page']);

export function classifyGithubFailure(error: unknown, now: number): GithubFailure {
  const response = error instanceof RequestError ? error.response : undefined;
  // No response: connection refused, DNS, timeout (the abort), TLS...
  if (!response) return { kind: 'unreachable', detail: error instanceof Error ? error.message : String(error) };
  const { status, headers, data } = response;
  if (status === 422) return rejected(data);
  const until = rateLimitedUntil(status, headers, messageOf(data), now);
  if (until !== null) return { kind: 'rate_limited', until };
  return { kind: 'unreachable', detail: `GitHub answered ${status}: ${messageOf(data)}` };
}

/**
 * GitHub's documented rules: any 429, or a 403 that is a primary limit
 * (x-ratelimit-remaining: 0) or a secondary one (says so, or sends
 * retry-after). Wait for retry-after if sent; else, when the window is spent,
 * until x-ratelimit-reset; else a minute. A secondary limit can come with
 * requests left in the window, whose reset time then says nothing about it.
 */
export function rateLimitedUntil(status: number, headers: Headers, message: string, now: number): number | null {
  const spent = String(headers['x-ratelimit-remaining']) === '0';
  const retryAfter = retryAfterMs(headers['retry-after'], now);
  const secondary = /secondary rate limit|abuse detection/i.test(message);
  if (status !== 429 && !(status === 403 && (spent || secondary || retryAfter !== null))) return null;
  if (retryAfter !== null) return bounded(now + retryAfter, now);
  const reset = spent ? epochSecondsMs(headers['x-ratelimit-reset']) : null;
  return bounded(reset ?? now + DEFAULT_WAIT_MS, now);
}

/** A successful answer that used the window's last request: no call will succeed before the reset. */
export function windowSpentUntil(headers: Headers, now: number): number | null {
  if (String(headers['x-ratelimit-remaining']) !== '0') return null;
  const reset = epochSecondsMs(headers['x-ratelimit-reset']);
  return reset === null ? null : bounded(reset, now);
}

function bounded(until: number, now: number): number {
  return Math.min(Math.max(until, now + 1000), now + LONGEST_WAIT_MS);
}

function retryAfterMs(value: string | number | undefined, now: number): number | null {
  if (value === undefined) return null;
  const text = String(value).trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const date = Date.parse(text); // The HTTP-date form is allowed too.
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

function epochSecondsMs(value: string | number | undefined): number | null {
  const text = value === undefined ? '' : String(value).trim();
  return /^\d+$/.test(text) ? Number(text) * 1000 : null;
}

function messageOf(data: unknown): string {
  if (typeof data === 'string') return data;
  const message = (data as { message?: unknown } | null)?.message;
  return typeof message === 'string' ? message : '';
}

/** GitHub's 422: its most specific message, and the field it names when that field is ours. */
function rejected(data: unknown): GithubFailure {
  const errors = (data as { errors?: unknown } | null)?.errors;
  const details = Array.isArray(errors) ? (errors as { message?: unknown; field?: unknown }[]) : [];
  const messages = details.map((e) => e.message).filter((m): m is string => typeof m === 'string');
  const named = details.map((e) => e.field).find((f): f is string => typeof f === 'string' && OUR_FIELDS.has(f));
  return {
    kind: 'rejected',
    field: named ?? 'q',
    message: messages.length > 0 ? messages.join(' ') : messageOf(data) || 'GitHub rejected the query',
  };
}
