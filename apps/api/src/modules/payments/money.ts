/**
 * Amounts as exact integers of minor units. A decimal string is converted by
 * string and integer arithmetic only: no floating point touches money.
 */
import { ValidationError } from '../../core/errors.ts';
import { currencyExponent, SUPPORTED_CURRENCIES } from './currencies.ts';

/** The most one payment may carry, in major units of its currency (inclusive). */
export const MAX_MAJOR_UNITS = 1_000_000n;

// ASCII digits only; no sign, exponent, separators, whitespace or bare dot; no leading zeros ("0.50" is fine).
const AMOUNT_PATTERN = /^(0|[1-9][0-9]*)(?:\.([0-9]+))?$/;
const CURRENCY_PATTERN = /^[A-Za-z]{3}$/;

/** Upper-cases a currency code ("eur" is EUR) and refuses codes we do not support. */
export function normalizeCurrency(raw: string): string {
  const code = CURRENCY_PATTERN.test(raw) ? raw.toUpperCase() : '';
  if (currencyExponent(code) === undefined) {
    throw ValidationError.forField('currency', `must be one of ${SUPPORTED_CURRENCIES.join(', ')}`);
  }
  return code;
}

function exponentOf(currency: string): number {
  const exponent = currencyExponent(currency);
  if (exponent === undefined) throw new Error(`unsupported currency ${currency}`);
  return exponent;
}

/** The whole and fractional digits of a well-formed amount, whatever its currency; else 422 naming `amount`. */
export function amountDigits(text: string): { whole: string; fraction: string } {
  const match = AMOUNT_PATTERN.exec(text);
  if (match) return { whole: match[1] ?? '', fraction: match[2] ?? '' };
  // The commonest slip gets its own words: a decimal comma.
  if (/^[0-9]+,[0-9]+$/.test(text)) throw ValidationError.forField('amount', `must use "." for decimals, e.g. ${text.replace(',', '.')}`);
  throw ValidationError.forField('amount', 'must be a positive decimal number such as 19.99 (digits and at most one ".")');
}

/** "19.99" EUR → 1999; "1000" JPY → 1000. Throws ValidationError naming `amount` or `currency`. */
export function parseAmount(text: string, rawCurrency: string): number {
  const currency = normalizeCurrency(rawCurrency);
  const exponent = exponentOf(currency);
  const { whole, fraction } = amountDigits(text);
  if (fraction.length > exponent) {
    const allowed = exponent === 0 ? 'no decimals' : `at most ${exponent} decimal${exponent === 1 ? '' : 's'}`;
    throw ValidationError.forField('amount', `${currency} amounts have ${allowed}`);
  }
  const minor = BigInt(whole + fraction.padEnd(exponent, '0'));
  if (minor === 0n) throw ValidationError.forField('amount', 'must be greater than zero');
  if (minor > MAX_MAJOR_UNITS * 10n ** BigInt(exponent)) {
    throw ValidationError.forField('amount', `must be at most ${MAX_MAJOR_UNITS} ${currency}`);
  }
  // At most 10^9 (three decimals): always a safe integer.
  return Number(minor);
}

/** 1999 EUR → "19.99"; 5 EUR → "0.05"; 1000 JPY → "1000". */
export function formatAmount(minor: number, currency: string): string {
  if (!Number.isSafeInteger(minor) || minor < 0) throw new Error(`not an amount in minor units: ${minor}`);
  const exponent = exponentOf(currency);
  const digits = String(minor);
  if (exponent === 0) return digits;
  const padded = digits.padStart(exponent + 1, '0');
  return `${padded.slice(0, -exponent)}.${padded.slice(-exponent)}`;
}

const formatters = new Map<string, Intl.NumberFormat>();

/** Human text: "€19.99", "¥1,000", "KWD 1.500". Fed the exact decimal string, never a float. */
export function displayAmount(minor: number, currency: string): string {
  let formatter = formatters.get(currency);
  if (!formatter) {
    const digits = exponentOf(currency);
    formatter = new Intl.NumberFormat('en', { style: 'currency', currency, minimumFractionDigits: digits, maximumFractionDigits: digits });
    formatters.set(currency, formatter);
  }
  return formatter.format(formatAmount(minor, currency) as Intl.StringNumericLiteral);
}
