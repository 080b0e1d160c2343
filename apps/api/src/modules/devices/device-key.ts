/**
 * Device public keys: only real P-256 points are accepted, and signatures are
 * checked in the IEEE P1363 form (r||s, 64 bytes) that WebCrypto produces.
 */
import { createPublicKey, type KeyObject, verify } from 'node:crypto';
import { ValidationError } from '../../core/errors.ts';

export interface P256PublicJwk {
  kty: 'EC';
  crv: 'P-256';
  x: string;
  y: string;
}

const COORDINATE_BYTES = 32;
const SIGNATURE_BYTES = 64;

/**
 * Checks a public key sent by a device and returns the four fields worth
 * storing (WebCrypto adds `ext` and `key_ops`, which mean nothing here).
 * A JWK carrying a private part is refused: whoever sent it has leaked it.
 */
export function acceptPublicJwk(input: Record<string, unknown>): P256PublicJwk {
  const invalid = (message: string) => ValidationError.forField('public_key', message);
  if ('d' in input) throw invalid('must be a public key; it contains the private part (d)');
  if (input.kty !== 'EC' || input.crv !== 'P-256') throw invalid('must be an EC key on curve P-256');
  const x = coordinate(input.x);
  const y = coordinate(input.y);
  if (x === undefined || y === undefined) throw invalid('x and y must be 32-byte base64url coordinates');
  const jwk: P256PublicJwk = { kty: 'EC', crv: 'P-256', x, y };
  try {
    // Node refuses coordinates that are not a point on the curve.
    publicKeyFromJwk(jwk);
  } catch {
    throw invalid('is not a point on curve P-256');
  }
  return jwk;
}

export function publicKeyFromJwk(jwk: P256PublicJwk): KeyObject {
  return createPublicKey({ key: { ...jwk }, format: 'jwk' });
}

/** Verifies a base64url P1363 signature; anything malformed is simply "does not verify". */
export function verifyP1363(key: KeyObject, data: string | Uint8Array, signatureB64url: string): boolean {
  const signature = decodeCanonicalBase64url(signatureB64url);
  if (!signature || signature.length !== SIGNATURE_BYTES) return false;
  try {
    return verify('sha256', typeof data === 'string' ? Buffer.from(data, 'utf8') : data, { key, dsaEncoding: 'ieee-p1363' }, signature);
  } catch {
    return false;
  }
}

function coordinate(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const bytes = decodeCanonicalBase64url(value);
  return bytes?.length === COORDINATE_BYTES ? value : undefined;
}

/** Decodes base64url only if it is written the one canonical way (Buffer silently skips junk). */
export function decodeCanonicalBase64url(value: string): Buffer | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(value)) return undefined;
  const bytes = Buffer.from(value, 'base64url');
  return bytes.toString('base64url') === value ? bytes : undefined;
}
