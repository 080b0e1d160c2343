/**
 * How a device signs, exactly as docs/payfriend.md and the server's
 * request-signing.ts define it: every request over
 * `METHOD\nPATH_WITH_QUERY\nTIMESTAMP\nNONCE\nBASE64URL(SHA-256(BODY))`, and each
 * decision over `${digest}.${decision}`; ECDSA P-256 with SHA-256, the raw
 * IEEE P1363 signature WebCrypto returns, in base64url.
 */
const encoder = new TextEncoder();

export const DEVICE_HEADERS = {
  id: 'X-Device-Id',
  timestamp: 'X-Device-Timestamp',
  nonce: 'X-Device-Nonce',
  signature: 'X-Device-Signature',
} as const;

export type Decision = 'approve' | 'deny';

export function base64url(bytes: ArrayBuffer | Uint8Array): string {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  let binary = '';
  for (const byte of view) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export async function bodySha256(body: string): Promise<string> {
  return base64url(await crypto.subtle.digest('SHA-256', encoder.encode(body)));
}

export function canonicalRequestString(parts: { method: string; pathWithQuery: string; timestamp: string; nonce: string; bodySha256: string }): string {
  return [parts.method.toUpperCase(), parts.pathWithQuery, parts.timestamp, parts.nonce, parts.bodySha256].join('\n');
}

export function decisionSigningString(digest: string, decision: Decision): string {
  return `${digest}.${decision}`;
}

export function randomNonce(): string {
  return base64url(crypto.getRandomValues(new Uint8Array(18)));
}

export async function signText(privateKey: CryptoKey, text: string): Promise<string> {
  return base64url(await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, privateKey, encoder.encode(text)));
}

/** The four X-Device-* headers for one request; `body` is the exact text that will be sent. */
export async function signedHeaders(
  device: { deviceId: string; keys: CryptoKeyPair },
  request: { method: string; pathWithQuery: string; body?: string; now: number },
): Promise<Record<string, string>> {
  const timestamp = String(Math.round(request.now));
  const nonce = randomNonce();
  const text = canonicalRequestString({
    method: request.method,
    pathWithQuery: request.pathWithQuery,
    timestamp,
    nonce,
    bodySha256: await bodySha256(request.body ?? ''),
  });
  return {
    [DEVICE_HEADERS.id]: device.deviceId,
    [DEVICE_HEADERS.timestamp]: timestamp,
    [DEVICE_HEADERS.nonce]: nonce,
    [DEVICE_HEADERS.signature]: await signText(device.keys.privateKey, text),
  };
}

/** A new key pair whose private half cannot be exported, and the public half as the server wants it. */
export async function createDeviceKeys(): Promise<{ keys: CryptoKeyPair; publicKey: { kty: 'EC'; crv: 'P-256'; x: string; y: string } }> {
  const keys = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify']);
  const { x, y } = await crypto.subtle.exportKey('jwk', keys.publicKey);
  if (!x || !y) throw new Error('WebCrypto exported no public key coordinates');
  return { keys, publicKey: { kty: 'EC', crv: 'P-256', x, y } };
}

/** WebCrypto exists only in secure contexts (https, or localhost). */
export function canSign(): boolean {
  return window.isSecureContext && typeof crypto.subtle?.generateKey === 'function' && typeof indexedDB !== 'undefined';
}
