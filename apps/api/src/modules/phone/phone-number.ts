/**
 * Turns what a user typed into an E.164 number we can text. We do not know
 * the user's country, so a number must carry its country code ("+44 7700
 * 900123" or "0044 7700 900123"); "07700 900123" could be anywhere.
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { ValidationError } from '../../core/errors.ts';

/** Types that can receive SMS. In the US and Canada mobile and fixed numbers share ranges, hence FIXED_LINE_OR_MOBILE. */
const TEXTABLE = new Set(['MOBILE', 'FIXED_LINE_OR_MOBILE']);

/**
 * Ofcom reserves +44 7700 900000–900999 for drama; libphonenumber calls them
 * invalid, but they are mobile-format numbers that reach nobody, which makes
 * them the safe examples for demos, the local outbox and tests.
 */
const FICTION_RANGE = /^\+447700900\d{3}$/;

export function normalisePhone(input: string): string {
  const typed = input.trim();
  if (typed === '') throw ValidationError.forField('phone', 'is required');
  if (/[a-z]/i.test(typed)) throw ValidationError.forField('phone', 'must contain only digits, spaces, +, -, ( and ) (no letters or extensions)');
  if (!/^[+\d\s().-]+$/.test(typed)) throw ValidationError.forField('phone', 'must contain only digits, spaces, +, -, ( and )');
  const international = typed.startsWith('00') ? `+${typed.slice(2)}` : typed;
  if (!international.startsWith('+')) {
    throw ValidationError.forField('phone', 'must start with + (or 00) and the country code, e.g. +44 7700 900123 (we cannot tell which country a national number is from)');
  }
  const parsed = parsePhoneNumberFromString(international);
  if (!parsed) throw ValidationError.forField('phone', 'is not a phone number');
  if (FICTION_RANGE.test(parsed.number)) return parsed.number;
  if (!parsed.isPossible()) throw ValidationError.forField('phone', 'has too few or too many digits for its country');
  if (!parsed.isValid()) throw ValidationError.forField('phone', 'is not a valid number for its country');
  if (!TEXTABLE.has(parsed.getType() ?? '')) throw ValidationError.forField('phone', 'must be a mobile number that can receive SMS');
  return parsed.number;
}
