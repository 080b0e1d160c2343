import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Payment } from '#contracts/payfriend.ts';
import { api } from '../../../lib/api-client.ts';

export const paymentQueryKey = (paymentId: string) => ['payments', 'detail', paymentId] as const;

/** One of the signed-in user's payments; anyone else's is a 404. */
export function getPayment(paymentId: string, signal?: AbortSignal): Promise<Payment> {
  return api.get<Payment>(`/api/payments/${encodeURIComponent(paymentId)}`, { signal });
}

export const paymentQueryOptions = (paymentId: string) =>
  queryOptions({
    queryKey: paymentQueryKey(paymentId),
    queryFn: ({ signal }) => getPayment(paymentId, signal),
  });

export function usePayment(paymentId: string) {
  return useQuery(paymentQueryOptions(paymentId));
}
