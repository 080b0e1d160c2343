/**
 * Phone verification codes: 6 random digits, stored only as a hash.
 *
 * Why a plain SHA-256 is enough: a million candidates are hashed in well under
 * a second, so the hash is not meant to survive someone who can read the
 * table. It keeps codes out of plain sight (backups, admin queries, logs);
 * including the user id and phone means a stored hash is worth nothing for
 * another account or number. What protects the code is online: it lives 5
 * minutes and allows 5 guesses, a 1 in 200,000 chance per code.
 */
import { randomInt } from 'node:crypto';
import { constantTimeEqual, sha256Hex } from '../../core/crypto.ts';

export const CODE_TTL_MS = 5 * 60_000;
export const MAX_ATTEMPTS = 5;

export type CodeSource = () => string;

/** Six uniformly random digits; leading zeros are part of the code. */
export function randomCode(random: (max: number) => number = (max) => randomInt(max)): string {
  return String(random(1_000_000)).padStart(6, '0');
}

export function hashCode(userId: string, phone: string, code: string): string {
  return sha256Hex(`phone-verification\n${userId}\n${phone}\n${code}`);
}

export function codeMatches(storedHash: string, userId: string, phone: string, code: string): boolean {
  return constantTimeEqual(storedHash, hashCode(userId, phone, code));
}

export function codeMessage(code: string): string {
  return `Your Payfriend verification code is ${code}. It expires in ${CODE_TTL_MS / 60_000} minutes.`;
}
