import { useMutation } from '@tanstack/react-query';
import type { SmsCodeSent } from '#contracts/payfriend.ts';
import { api } from '../../../lib/api-client.ts';

/** Texts a code for this payment to the verified phone, instead of waiting for the authenticator. */
export function sendPaymentSms(paymentId: string): Promise<SmsCodeSent> {
  return api.post<SmsCodeSent>(`/api/payments/${encodeURIComponent(paymentId)}/sms`);
}

export function useSendPaymentSms(paymentId: string) {
  return useMutation({ mutationFn: () => sendPaymentSms(paymentId) });
}
