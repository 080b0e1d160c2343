import { useQuery } from '@tanstack/react-query';
import type { PaymentSettings } from '#contracts/payfriend.ts';
import { api } from '../../../lib/api-client.ts';

/** The server's rules the payer's page follows, such as when to offer the SMS code. */
export function usePaymentSettings() {
  return useQuery({
    queryKey: ['payments', 'settings'],
    queryFn: ({ signal }) => api.get<PaymentSettings>('/api/payments/settings', { signal }),
    // The rules change only when the server is reconfigured and restarted.
    staleTime: Infinity,
  });
}
