/**
 * The string a device signs for every request it makes, and the headers that
 * carry the signature. Kept free of server imports: the test device client
 * uses the same builder, and the browser authenticator mirrors it.
 */
import { createHash } from 'node:crypto';

export const DEVICE_HEADERS = {
  id: 'x-device-id',
  timestamp: 'x-device-timestamp',
  nonce: 'x-device-nonce',
  signature: 'x-device-signature',
} as const;

export interface SignedRequestParts {
  /** Upper-case HTTP method. */
  method: string;
  /** Path and query exactly as sent on the request line, e.g. `/api/device/approvals?x=1`. */
  pathWithQuery: string;
  /** Milliseconds since the epoch, as the decimal text sent in X-Device-Timestamp. */
  timestamp: string;
  nonce: string;
  /** base64url SHA-256 of the raw body bytes (of nothing when there is no body). */
  bodySha256: string;
}

/** `METHOD\nPATH_WITH_QUERY\nTIMESTAMP\nNONCE\nBASE64URL(SHA-256(BODY))` */
export function canonicalRequestString(parts: SignedRequestParts): string {
  return [parts.method.toUpperCase(), parts.pathWithQuery, parts.timestamp, parts.nonce, parts.bodySha256].join('\n');
}

export function bodySha256(body: Uint8Array | string = ''): string {
  return createHash('sha256').update(body).digest('base64url');
}

/** What a device's decision signature covers: binds approve/deny to one payment's challenge. */
export function decisionSigningString(digest: string, decision: 'approve' | 'deny'): string {
  return `${digest}.${decision}`;
}
