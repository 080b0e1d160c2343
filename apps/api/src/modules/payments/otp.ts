/**
 * SMS one-time codes. Only an HMAC of the code, keyed with the payment's
 * challenge digest, is stored: the same code typed for another payment gives
 * another hash, so a code approves the payment it was sent for and no other.
 */
import { createHmac, randomInt } from 'node:crypto';
import { constantTimeEqual } from '../../core/crypto.ts';

export const OTP_PATTERN = /^[0-9]{6}$/;

/** Six uniformly random digits, leading zeros kept. */
export function generateOtp(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

export function otpHash(digest: string, code: string): string {
  return createHmac('sha256', digest).update(code).digest('hex');
}

export function otpMatches(digest: string, code: string, storedHash: string): boolean {
  return constantTimeEqual(otpHash(digest, code), storedHash);
}

/** "5 minutes", "1 minute", "90 seconds". */
export function describeDuration(seconds: number): string {
  if (seconds % 60 === 0) {
    const minutes = seconds / 60;
    return `${minutes} minute${minutes === 1 ? '' : 's'}`;
  }
  return `${seconds} seconds`;
}

/** The message names payee and amount, so the payer knows exactly what the code approves. */
export function otpMessage(parts: { amountDisplay: string; payee: string; code: string; ttlSeconds: number }): string {
  return (
    `Payfriend: approve ${parts.amountDisplay} to ${parts.payee} with code ${parts.code}. ` +
    `Valid ${describeDuration(parts.ttlSeconds)}. Never share this code.`
  );
}

/** "+447700900123" → "+•••••••••123": enough to recognise one's own number, not to learn someone else's. */
export function maskPhone(e164: string): string {
  const digits = e164.replace(/^\+/, '');
  const shown = digits.slice(-3);
  return `+${'•'.repeat(Math.max(0, digits.length - shown.length))}${shown}`;
}
