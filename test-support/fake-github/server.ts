/**
 * A local stand-in for GitHub's `GET /search/repositories`, for tests and
 * offline demos. It speaks GitHub's wire format (status, JSON body,
 * x-ratelimit-* headers, link header) and answers only with recorded data,
 * so the app is exercised against what GitHub really sends.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { hasOnlyForeignQualifiers, matches, parseQuery, unknownOwners } from './matching.ts';
import { type ErrorCase, loadErrorBodies, loadRecordedItems } from './recordings.ts';

export type FakeGithubBehavior =
  | 'normal'
  | 'primary-rate-limit'
  | 'secondary-rate-limit'
  | 'rate-limit-429'
  | 'server-error'
  | 'hang';

export interface FakeGithubRequest {
  path: string;
  query: URLSearchParams;
  headers: Record<string, string | string[] | undefined>;
}

export interface FakeGithub {
  url: string;
  requests: FakeGithubRequest[];
  setBehavior(b: FakeGithubBehavior, options?: { retryAfterSeconds?: number; resetEpochSeconds?: number }): void;
  close(): Promise<void>;
}

const MAX_QUERY_LENGTH = 256;
const MAX_PER_PAGE = 100;
const REACHABLE_RESULTS = 1000;

export async function startFakeGithub(options: { port?: number } = {}): Promise<FakeGithub> {
  const items = loadRecordedItems();
  const errors = loadErrorBodies();
  const requests: FakeGithubRequest[] = [];
  let behavior: FakeGithubBehavior = 'normal';
  let limits: { retryAfterSeconds?: number; resetEpochSeconds?: number } = {};

  function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
    const payload = body === undefined ? '' : JSON.stringify(body);
    res.writeHead(status, {
      ...(body === undefined ? {} : { 'content-type': 'application/json; charset=utf-8' }),
      'x-github-media-type': 'github.v3; format=json',
      'content-length': String(Buffer.byteLength(payload)),
      ...headers,
    });
    res.end(payload);
  }

  function sendError(res: ServerResponse, status: number, which: ErrorCase, headers: Record<string, string>): void {
    send(res, status, errors.get(which), headers);
  }

  /** GitHub's rate-limit headers; search allows 30 requests a minute with a token, 10 without. */
  function rateHeaders(req: IncomingMessage, window: 'spent' | 'secondary' | 'available'): Record<string, string> {
    const limit = req.headers.authorization ? 30 : 10;
    // A secondary limit arrives with requests still left in the primary window.
    const left = window === 'spent' ? 0 : window === 'secondary' ? Math.min(14, limit - 1) : limit - 1;
    const headers: Record<string, string> = {
      'x-ratelimit-limit': String(limit),
      'x-ratelimit-remaining': String(left),
      'x-ratelimit-reset': String(limits.resetEpochSeconds ?? Math.floor(Date.now() / 1000) + 60),
      'x-ratelimit-used': String(limit - left),
      'x-ratelimit-resource': 'search',
    };
    if (window !== 'available' && limits.retryAfterSeconds !== undefined) headers['retry-after'] = String(limits.retryAfterSeconds);
    return headers;
  }

  function answerSearch(req: IncomingMessage, res: ServerResponse, url: URL): void {
    switch (behavior) {
      case 'hang':
        return; // Never answers; close() drops the connection.
      case 'server-error':
        return send(res, 502, undefined);
      case 'primary-rate-limit':
        return sendError(res, 403, 'primary rate limit (unauthenticated)', rateHeaders(req, 'spent'));
      case 'rate-limit-429':
        return sendError(res, 429, 'primary rate limit (unauthenticated)', rateHeaders(req, 'spent'));
      case 'secondary-rate-limit':
        return sendError(res, 403, 'secondary rate limit', rateHeaders(req, 'secondary'));
      case 'normal':
        break;
    }
    const headers = rateHeaders(req, 'available');
    const q = (url.searchParams.get('q') ?? '').trim();
    if (q === '') return sendError(res, 422, 'q missing/empty', headers);
    if (q.length > MAX_QUERY_LENGTH) return sendError(res, 422, 'q longer than 256 characters', headers);
    const perPage = Math.min(positiveInteger(url.searchParams.get('per_page'), 30), MAX_PER_PAGE);
    const page = positiveInteger(url.searchParams.get('page'), 1);
    if (page * perPage > REACHABLE_RESULTS) return sendError(res, 422, 'page beyond the 1000-result cap', headers);
    const query = parseQuery(q);
    if (hasOnlyForeignQualifiers(query)) return sendError(res, 422, 'qualifier not valid for this search type', headers);
    if (unknownOwners(query, items).length > 0) {
      return sendError(res, 422, 'user:/repo:/org: that does not exist or is not accessible', headers);
    }
    const found = items.filter((item) => matches(item, query));
    const link = linkHeader(url, req, page, perPage, found.length);
    send(
      res,
      200,
      { total_count: found.length, incomplete_results: false, items: found.slice((page - 1) * perPage, page * perPage) },
      link ? { ...headers, link } : headers,
    );
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://fake-github');
    requests.push({ path: url.pathname, query: url.searchParams, headers: { ...req.headers } });
    if (req.method === 'GET' && url.pathname === '/search/repositories') return answerSearch(req, res, url);
    send(res, 404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    setBehavior(next, options = {}) {
      behavior = next;
      limits = options;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Hanging requests and idle keep-alive sockets would otherwise hold close() open.
        server.closeAllConnections();
      }),
  };
}

function positiveInteger(raw: string | null, fallback: number): number {
  const value = raw !== null && /^\d+$/.test(raw) ? Number(raw) : 0;
  return value >= 1 ? value : fallback;
}

/** GitHub's pagination links; `last` stops at the last page of the first 1,000 results. */
function linkHeader(url: URL, req: IncomingMessage, page: number, perPage: number, total: number): string | undefined {
  const lastPage = Math.max(1, Math.ceil(Math.min(total, REACHABLE_RESULTS) / perPage));
  const at = (n: number) => {
    const target = new URL(`http://${req.headers.host ?? '127.0.0.1'}/search/repositories`);
    target.search = url.search;
    target.searchParams.set('per_page', String(perPage));
    target.searchParams.set('page', String(n));
    return `<${target.href}>`;
  };
  const parts: string[] = [];
  if (page > 1) parts.push(`${at(page - 1)}; rel="prev"`);
  if (page < lastPage) parts.push(`${at(page + 1)}; rel="next"`, `${at(lastPage)}; rel="last"`);
  if (page > 1) parts.push(`${at(1)}; rel="first"`);
  return parts.length > 0 ? parts.join(', ') : undefined;
}
