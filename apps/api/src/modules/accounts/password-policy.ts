/**
 * Password rules (NIST SP 800-63B): length over composition, and a refusal
 * of passwords that attackers try first.
 */
import { ValidationError } from '../../core/errors.ts';
import { COMMON_PASSWORDS } from './common-passwords.ts';

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;

export function checkPassword(password: string, email: string): void {
  // Broken UTF-16 would be hashed as U+FFFD, making several different passwords one.
  if (!password.isWellFormed()) throw ValidationError.forField('password', 'must be valid Unicode text');
  if (/\p{Cc}/u.test(password)) throw ValidationError.forField('password', 'must not contain control characters');
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) {
    throw ValidationError.forField('password', `must be at least ${PASSWORD_MIN_LENGTH} characters`);
  }
  if (length > PASSWORD_MAX_LENGTH) {
    throw ValidationError.forField('password', `must be at most ${PASSWORD_MAX_LENGTH} characters`);
  }
  const lowered = password.toLowerCase();
  const localPart = email.split('@')[0] ?? '';
  if (COMMON_PASSWORDS.has(lowered) || isTrivialPattern(lowered)) {
    throw ValidationError.forField('password', 'is too common or too easy to guess; choose another');
  }
  // Attackers try the name in the email address first.
  if (localPart.length >= 4 && lowered.includes(localPart)) {
    throw ValidationError.forField('password', 'must not contain the name part of your email address');
  }
}

/** One repeated character, or a run along the digits or the alphabet ("aaaaaaaa", "12345678", "abcdefgh"). */
function isTrivialPattern(password: string): boolean {
  if (new Set(password).size <= 2) return true;
  const codes = [...password].map((c) => c.codePointAt(0) ?? 0);
  const steps = new Set(codes.slice(1).map((code, i) => code - (codes[i] ?? 0)));
  return steps.size === 1 && [1, -1].includes([...steps][0] ?? 0);
}
