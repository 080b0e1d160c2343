import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Payment, PaymentInput } from '#contracts/payfriend.ts';
import { api, isApiError } from '../../../lib/api-client.ts';
import { paymentQueryKey } from './get-payment.ts';
import { paymentsListKey } from './get-payments.ts';

export interface CreatePaymentInput {
  payment: PaymentInput;
  /** One per submission: a retry of the same submission sends the same key and gets the same payment. */
  idempotencyKey: string;
}

/** A new pending payment (201), or the same one again for a repeated key (200). */
export function createPayment({ payment, idempotencyKey }: CreatePaymentInput): Promise<Payment> {
  return api.post<Payment>('/api/payments', payment, { headers: { 'Idempotency-Key': idempotencyKey } });
}

export function useCreatePayment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createPayment,
    // Safe to repeat: the key makes a retry return the payment a lost answer would have carried.
    retry: (failures, error) => failures < 2 && isApiError(error) && (error.offline || error.status >= 500),
    retryDelay: 1000,
    onSuccess: (payment) => {
      queryClient.setQueryData(paymentQueryKey(payment.id), payment);
      void queryClient.invalidateQueries({ queryKey: paymentsListKey });
    },
  });
}
