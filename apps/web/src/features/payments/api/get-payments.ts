import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { PaymentPage } from '#contracts/payfriend.ts';
import { api } from '../../../lib/api-client.ts';

export const PAYMENTS_PER_PAGE = 10;
export const paymentsListKey = ['payments', 'list'] as const;

/** One page of the signed-in user's payments, newest first. */
export function getPayments(page: number, signal?: AbortSignal): Promise<PaymentPage> {
  const query = new URLSearchParams({ page: String(page), per_page: String(PAYMENTS_PER_PAGE) });
  return api.get<PaymentPage>(`/api/payments?${query}`, { signal });
}

export const paymentsQueryOptions = (page: number) =>
  queryOptions({
    queryKey: [...paymentsListKey, page] as const,
    queryFn: ({ signal }) => getPayments(page, signal),
    staleTime: 5000,
    // Turning pages keeps the current page on screen until the next one arrives.
    placeholderData: keepPreviousData,
  });

export function usePayments(page: number) {
  return useQuery(paymentsQueryOptions(page));
}
