/**
 * The signature of a hosted push provider's callback, as Authy OneTouch
 * (Twilio) defines it:
 *
 *   X-Authy-Signature = base64( HMAC-SHA256( key = API key,
 *                         `${nonce}|${METHOD}|${url}|${sortedParams}` ) )
 *
 * - nonce: the X-Authy-Signature-Nonce header, as sent (Unix time in seconds).
 * - url: the callback URL without query string: PUBLIC_URL + the request path,
 *   so it is the address the provider called even behind a proxy.
 * - sortedParams: the body's parameters (JSON or form), nested objects flattened
 *   as a[b][c] and arrays as a[], the way the `qs` package stringifies them with
 *   arrayFormat "brackets": true/false as text, null as empty, empty objects and
 *   arrays omitted. Key and value are percent-encoded (RFC 3986: everything but
 *   A–Z a–z 0–9 - . _ ~, so "[" is %5B), joined as key=value, stably sorted by
 *   key alone (case-sensitive, so repeated array keys keep their order), joined
 *   with "&", and finally every %20 becomes "+".
 *
 * Checked against the published example: key "foo", nonce 1455825429, POST
 * https://foo.bar/ with {"foo":{"bar":{"biz":"foo"}},"qux":"net"} signs as
 * uq/wB8AR1Acvn0wFcjm7mmBJyR11nuuMhMy6semsAO8=.
 */
import { createHmac } from 'node:crypto';
import { constantTimeEqual } from '../../core/crypto.ts';
import { BadRequestError } from '../../core/errors.ts';

export type Param = [key: string, value: string];

/** A provider's callback nests a few levels and carries a few dozen parameters; these bounds are generous. */
export const MAX_BODY_DEPTH = 16;
export const MAX_BODY_PARAMS = 1_000;

/**
 * The parameters of a parsed body: form bodies arrive as URLSearchParams, JSON as plain values.
 * It runs before the signature is known, so a body nested or sized beyond any provider's is refused
 * here (400 naming `body`) rather than walked.
 */
export function bodyParams(body: unknown): Param[] {
  const params = body instanceof URLSearchParams ? [...body.entries()] : [];
  if (body !== null && typeof body === 'object' && !Array.isArray(body) && !(body instanceof URLSearchParams)) {
    for (const [key, value] of Object.entries(body)) flatten(key, value, params, 1);
  }
  if (params.length > MAX_BODY_PARAMS) throw tooLarge(`must hold at most ${MAX_BODY_PARAMS} parameters`);
  return params;
}

function flatten(prefix: string, value: unknown, out: Param[], depth: number): void {
  if (depth > MAX_BODY_DEPTH) throw tooLarge(`must not nest deeper than ${MAX_BODY_DEPTH} levels`);
  if (out.length > MAX_BODY_PARAMS) return;
  if (value === undefined) return;
  if (value === null) out.push([prefix, '']);
  else if (Array.isArray(value)) for (const item of value) flatten(`${prefix}[]`, item, out, depth + 1);
  else if (typeof value === 'object') for (const [key, item] of Object.entries(value)) flatten(`${prefix}[${key}]`, item, out, depth + 1);
  else out.push([prefix, String(value)]);
}

function tooLarge(message: string): BadRequestError {
  return new BadRequestError('CALLBACK_BODY_INVALID', `body: ${message}`, [{ field: 'body', message }]);
}

/** Percent-encodes all but RFC 3986 unreserved characters (encodeURIComponent leaves !'()* alone). */
export function encodeRfc3986(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

export function sortedParams(params: Param[]): string {
  const encoded = params.map(([key, value]) => ({ key: encodeRfc3986(key), pair: `${encodeRfc3986(key)}=${encodeRfc3986(value)}` }));
  // Array.prototype.sort is stable: equal keys (array items) keep their order.
  encoded.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return encoded.map((e) => e.pair).join('&').replace(/%20/g, '+');
}

export interface SignedRequest {
  nonce: string;
  method: string;
  url: string;
  params: Param[];
}

export function pushSignature(apiKey: string, request: SignedRequest): string {
  const data = `${request.nonce}|${request.method.toUpperCase()}|${request.url}|${sortedParams(request.params)}`;
  return createHmac('sha256', apiKey).update(data).digest('base64');
}

/** Constant-time check; false (not an exception) for text that cannot be encoded, such as lone surrogates. */
export function pushSignatureMatches(apiKey: string, request: SignedRequest, signature: string): boolean {
  let expected: string;
  try {
    expected = pushSignature(apiKey, request);
  } catch {
    return false;
  }
  return constantTimeEqual(expected, signature);
}
