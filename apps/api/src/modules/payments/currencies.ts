/**
 * The ISO 4217 currencies payments accept, with their minor-unit exponents
 * (digits after the decimal point). The exponent decides how a decimal amount
 * becomes integer minor units, so it comes from ISO 4217 itself, not from a
 * locale's display habits.
 */
export const CURRENCY_EXPONENTS: Readonly<Record<string, number>> = Object.freeze({
  EUR: 2,
  USD: 2,
  GBP: 2,
  CHF: 2,
  SEK: 2,
  NOK: 2,
  DKK: 2,
  PLN: 2,
  CZK: 2,
  JPY: 0,
  KRW: 0,
  KWD: 3,
  BHD: 3,
});

/** The exponent of a supported currency code (upper-case), or undefined. */
export function currencyExponent(code: string): number | undefined {
  return Object.hasOwn(CURRENCY_EXPONENTS, code) ? CURRENCY_EXPONENTS[code] : undefined;
}

export const SUPPORTED_CURRENCIES = Object.keys(CURRENCY_EXPONENTS);
