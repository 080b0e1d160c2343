/** The currencies payments accept (the table is shared with the page, in the contracts). */
import { CURRENCY_EXPONENTS, SUPPORTED_CURRENCIES } from '#contracts/currencies.ts';

export { CURRENCY_EXPONENTS, SUPPORTED_CURRENCIES };

/** The exponent of a supported currency code (upper-case), or undefined. */
export function currencyExponent(code: string): number | undefined {
  return Object.hasOwn(CURRENCY_EXPONENTS, code) ? CURRENCY_EXPONENTS[code] : undefined;
}
