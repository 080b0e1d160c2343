/** Turns what a client posted into a payment request, naming the field for every problem. */
import type { PaymentInput } from '#contracts/payfriend.ts';
import { BadRequestError, FieldChecks, ValidationError } from '../../core/errors.ts';
import { normalizeEmail } from '../accounts/accounts.service.ts';
import { amountDigits, normalizeCurrency, parseAmount } from './money.ts';

export interface PaymentRequest {
  payee: string;
  amountMinor: number;
  currency: string;
}

/** Payees are people with an email address, compared the way accounts compare them. */
export function normalizePayee(raw: string): string {
  try {
    return normalizeEmail(raw);
  } catch (error) {
    if (error instanceof ValidationError) throw ValidationError.forField('payee', 'must be a valid email address');
    throw error;
  }
}

/** Every field is checked, and every problem named; the amount's decimals only once its currency is known. */
export function paymentRequestFromInput(input: PaymentInput, payerEmail: string): PaymentRequest {
  const checks = new FieldChecks();
  const payee = checks.check(() => {
    const normalized = normalizePayee(input.payee);
    if (normalized === payerEmail) throw ValidationError.forField('payee', 'cannot be yourself');
    return normalized;
  });
  const currency = checks.check(() => normalizeCurrency(input.currency));
  const amountMinor = currency === undefined ? checks.check(() => void amountDigits(input.amount)) : checks.check(() => parseAmount(input.amount, currency));
  checks.throwIfAny();
  return { payee: payee!, amountMinor: amountMinor!, currency: currency! };
}

export const IDEMPOTENCY_HEADER = 'idempotency-key';
// Printable ASCII, as for other HTTP tokens a client makes up (Stripe's and the IETF draft's keys fit).
const IDEMPOTENCY_KEY_PATTERN = /^[\x20-\x7e]{1,255}$/;

export function idempotencyKeyFrom(value: string | string[] | undefined): string {
  const problem = (code: string, message: string) =>
    new BadRequestError(code, `Idempotency-Key ${message}`, [{ field: 'Idempotency-Key', message }]);
  if (value === undefined || value === '') throw problem('IDEMPOTENCY_KEY_REQUIRED', 'header is required');
  if (Array.isArray(value) || !IDEMPOTENCY_KEY_PATTERN.test(value)) {
    throw problem('INVALID_IDEMPOTENCY_KEY', 'must be 1 to 255 printable ASCII characters');
  }
  return value;
}
