/**
 * When the waiting page offers a code by text message instead of the
 * authenticator: the server's SMS_FALLBACK_AFTER_SECONDS after the payment
 * was made (15 s unless configured otherwise).
 */
import { useState } from 'react';
import { useNow, useSecondsUntil } from '../../../hooks/use-now.ts';
import { usePaymentSettings } from '../api/get-payment-settings.ts';

/** Used only while the server's settings are still on their way. */
const DEFAULT_FALLBACK_SECONDS = 15;

/** Seconds until the offer appears (0: now). */
export function useSmsOffer(createdAt: string): number {
  const settings = usePaymentSettings();
  const now = useNow();
  const [openedAt] = useState(now);
  const fallbackSeconds = settings.data?.sms_fallback_after_seconds ?? DEFAULT_FALLBACK_SECONDS;
  // Counted from the payment's creation, but never later than from the page's opening (clocks differ).
  const created = Date.parse(createdAt);
  const start = Number.isNaN(created) ? openedAt : Math.min(created, openedAt);
  return useSecondsUntil(start + fallbackSeconds * 1000) ?? 0;
}
