/**
 * The ISO 4217 currencies payments accept, with their minor-unit exponents
 * (digits after the decimal point). The exponent decides how a decimal amount
 * becomes integer minor units, so it comes from ISO 4217 itself, not from a
 * locale's display habits. The server converts with it; the form offers its codes.
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

export const SUPPORTED_CURRENCIES: readonly string[] = Object.freeze(Object.keys(CURRENCY_EXPONENTS));
