/**
 * Dynamic linking: a payment's challenge digest covers exactly what is being
 * authorised, so an approval (device signature or SMS code) is valid for that
 * payment only. Every encoding here is a JSON array of strings: unambiguous
 * (no field can run into the next) and the same on every platform.
 */
import { randomBytes } from 'node:crypto';
import { sha256Hex } from '../../core/crypto.ts';

export interface ChallengeFields {
  paymentId: string;
  payerId: string;
  payee: string;
  amountMinor: number;
  currency: string;
  nonce: string;
}

export function newChallengeNonce(): string {
  return randomBytes(32).toString('base64url');
}

/** SHA-256 hex over the canonical encoding of the payment's fields and the nonce. */
export function challengeDigest(fields: ChallengeFields): string {
  return sha256Hex(
    JSON.stringify([
      'payfriend-challenge-v1',
      fields.paymentId,
      fields.payerId,
      fields.payee,
      String(fields.amountMinor),
      fields.currency,
      fields.nonce,
    ]),
  );
}

/** What a payment request asked for: a reused Idempotency-Key must come with the same one. */
export function requestFingerprint(request: { payee: string; amountMinor: number; currency: string }): string {
  return sha256Hex(JSON.stringify(['payfriend-request-v1', request.payee, String(request.amountMinor), request.currency]));
}
