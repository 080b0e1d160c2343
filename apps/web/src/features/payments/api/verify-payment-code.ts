import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Payment } from '#contracts/payfriend.ts';
import { api } from '../../../lib/api-client.ts';
import { paymentQueryKey } from './get-payment.ts';
import { paymentsListKey } from './get-payments.ts';

/** Approves the payment with the texted code. A wrong code says how many tries are left. */
export function verifyPaymentCode(paymentId: string, code: string): Promise<Payment | undefined> {
  return api.post<Payment | undefined>(`/api/payments/${encodeURIComponent(paymentId)}/verify`, { code });
}

export function useVerifyPaymentCode(paymentId: string) {
  const queryClient = useQueryClient();
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: paymentQueryKey(paymentId) });
    void queryClient.invalidateQueries({ queryKey: paymentsListKey });
  };
  return useMutation({
    mutationFn: (code: string) => verifyPaymentCode(paymentId, code),
    onSuccess: (payment) => {
      if (payment?.id === paymentId && typeof payment.status === 'string') queryClient.setQueryData(paymentQueryKey(paymentId), payment);
      refresh();
    },
    // Too many wrong codes deny the payment: show what it has become.
    onError: refresh,
  });
}
