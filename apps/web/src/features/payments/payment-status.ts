/** Words and colours for a payment's status, the same on the list and on the waiting page. */
import { SUPPORTED_CURRENCIES } from '#contracts/currencies.ts';
import type { Payment, PaymentStatus } from '#contracts/payfriend.ts';

export const STATUS_LABEL: Record<PaymentStatus, string> = {
  pending: 'Waiting for approval',
  approved: 'Approved',
  denied: 'Denied',
  expired: 'Expired',
};

export const STATUS_COLOR = {
  pending: 'info',
  approved: 'success',
  denied: 'error',
  expired: 'default',
} as const satisfies Record<PaymentStatus, string>;

/** How the payment was decided, as the end of a sentence ("Approved …"). */
export function decidedHow(payment: Pick<Payment, 'decided_by'>): string {
  switch (payment.decided_by) {
    case 'device':
      return 'on your authenticator phone';
    case 'sms':
      return 'with the code from the text message';
    case 'callback':
      return 'with a push notification';
    case 'attempts':
      return 'after too many wrong codes';
    case 'expiry':
      return 'because nobody answered in time';
    default:
      return '';
  }
}

/** Currencies the form offers: every one the server accepts. */
export const CURRENCIES = SUPPORTED_CURRENCIES;
