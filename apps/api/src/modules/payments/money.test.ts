import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ValidationError } from '../../core/errors.ts';
import { CURRENCY_EXPONENTS } from './currencies.ts';
import { displayAmount, formatAmount, normalizeCurrency, parseAmount } from './money.ts';

const good: [string, string, number][] = [
  ['19.99', 'EUR', 1999],
  ['8.20', 'EUR', 820],
  ['8.2', 'EUR', 820],
  ['8', 'EUR', 800],
  ['0.01', 'EUR', 1],
  ['0.5', 'USD', 50],
  ['1000', 'JPY', 1000],
  ['1', 'KRW', 1],
  ['1.5', 'KWD', 1500],
  ['0.001', 'BHD', 1],
  ['1.234', 'KWD', 1234],
  ['1000000', 'EUR', 100_000_000],
  ['1000000.00', 'GBP', 100_000_000],
  ['1000000.000', 'KWD', 1_000_000_000],
  ['1000000', 'JPY', 1_000_000],
  ['19.99', 'eur', 1999],
  ['12345.67', 'SEK', 1_234_567],
];

const bad: [string, string, string][] = [
  ['0', 'EUR', 'amount'],
  ['0.00', 'EUR', 'amount'],
  ['-5', 'EUR', 'amount'],
  ['-0.01', 'EUR', 'amount'],
  ['+5', 'EUR', 'amount'],
  ['19.999', 'EUR', 'amount'],
  ['19.990', 'EUR', 'amount'],
  ['0.5', 'JPY', 'amount'],
  ['1000.0', 'JPY', 'amount'],
  ['1.2345', 'KWD', 'amount'],
  ['1e3', 'EUR', 'amount'],
  ['1E3', 'EUR', 'amount'],
  ['1.5e2', 'EUR', 'amount'],
  ['1,000', 'EUR', 'amount'],
  ['1,5', 'EUR', 'amount'],
  ['1_000', 'EUR', 'amount'],
  ['1 000', 'EUR', 'amount'],
  [' 5', 'EUR', 'amount'],
  ['5 ', 'EUR', 'amount'],
  ['5\n', 'EUR', 'amount'],
  ['\u0661\u0662', 'EUR', 'amount'],
  ['１２', 'EUR', 'amount'],
  ['.5', 'EUR', 'amount'],
  ['5.', 'EUR', 'amount'],
  ['.', 'EUR', 'amount'],
  ['', 'EUR', 'amount'],
  ['1.2.3', 'EUR', 'amount'],
  ['007', 'EUR', 'amount'],
  ['00.50', 'EUR', 'amount'],
  ['0x10', 'EUR', 'amount'],
  ['Infinity', 'EUR', 'amount'],
  ['NaN', 'EUR', 'amount'],
  ['1000000.01', 'EUR', 'amount'],
  ['1000001', 'JPY', 'amount'],
  ['99999999999999999999999999', 'EUR', 'amount'],
  ['5', 'XYZ', 'currency'],
  ['5', 'EURO', 'currency'],
  ['5', 'E1R', 'currency'],
  ['5', '', 'currency'],
  ['5', 'constructor', 'currency'],
  ['5', 'ＥＵＲ', 'currency'],
];

describe('parseAmount', () => {
  for (const [text, currency, minor] of good) {
    test(`"${text}" ${currency} is ${minor} minor units`, () => {
      assert.equal(parseAmount(text, currency), minor);
    });
  }

  for (const [text, currency, field] of bad) {
    test(`refuses ${JSON.stringify(text)} ${JSON.stringify(currency)}, naming ${field}`, () => {
      assert.throws(
        () => parseAmount(text, currency),
        (error: unknown) => error instanceof ValidationError && error.fields?.[0]?.field === field,
      );
    });
  }

  test('never goes through floating point: 0.29 EUR and 1.15 EUR stay exact', () => {
    // Math.round(0.29 * 100) is 29, but 1.15 * 100 is 114.99999999999999 and 4.35 * 100 is 434.99999999999994.
    assert.equal(parseAmount('1.15', 'EUR'), 115);
    assert.equal(parseAmount('4.35', 'EUR'), 435);
    assert.equal(parseAmount('0.29', 'EUR'), 29);
  });
});

describe('normalizeCurrency', () => {
  test('accepts any letter case and answers upper case', () => {
    assert.equal(normalizeCurrency('eur'), 'EUR');
    assert.equal(normalizeCurrency('Chf'), 'CHF');
  });
  test('the table knows the exponents of zero- and three-decimal currencies', () => {
    assert.equal(CURRENCY_EXPONENTS.JPY, 0);
    assert.equal(CURRENCY_EXPONENTS.KRW, 0);
    assert.equal(CURRENCY_EXPONENTS.KWD, 3);
    assert.equal(CURRENCY_EXPONENTS.BHD, 3);
  });
});

describe('formatAmount and displayAmount', () => {
  const cases: [number, string, string, string][] = [
    [1999, 'EUR', '19.99', '€19.99'],
    [820, 'EUR', '8.20', '€8.20'],
    [5, 'EUR', '0.05', '€0.05'],
    [100_000_000, 'USD', '1000000.00', '$1,000,000.00'],
    [1000, 'JPY', '1000', '¥1,000'],
    [1, 'KRW', '1', '₩1'],
    [1500, 'KWD', '1.500', 'KWD\u00a01.500'],
    [1, 'BHD', '0.001', 'BHD\u00a00.001'],
    [12345, 'GBP', '123.45', '£123.45'],
    [500, 'CHF', '5.00', 'CHF\u00a05.00'],
  ];
  // Intl separates a currency code from the number with a no-break space.
  for (const [minor, currency, decimal, display] of cases) {
    test(`${minor} ${currency} is "${decimal}" and shows as "${display}"`, () => {
      assert.equal(formatAmount(minor, currency), decimal);
      assert.equal(displayAmount(minor, currency), display);
    });
  }

  test('parse and format are inverse for every supported currency', () => {
    for (const currency of Object.keys(CURRENCY_EXPONENTS)) {
      for (const minor of [1, 9, 10, 99, 100, 101, 123_456, 100_000_000]) {
        if (minor > 1_000_000 * 10 ** (CURRENCY_EXPONENTS[currency] ?? 0)) continue;
        assert.equal(parseAmount(formatAmount(minor, currency), currency), minor, `${minor} ${currency}`);
      }
    }
  });

  test('refuses what is not a count of minor units', () => {
    assert.throws(() => formatAmount(1.5, 'EUR'));
    assert.throws(() => formatAmount(-1, 'EUR'));
    assert.throws(() => formatAmount(1, 'XYZ'));
  });
});
