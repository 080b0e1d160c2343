import { queryOptions, useQuery } from '@tanstack/react-query';
import type { PhoneStatus } from '#contracts/payfriend.ts';
import { api } from '../../../lib/api-client.ts';

export const phoneQueryKey = ['account', 'phone'] as const;

/** The account's phone number, whether it is verified, and how long until another code may be sent. */
export function getPhone({ signal }: { signal?: AbortSignal } = {}): Promise<PhoneStatus> {
  return api.get<PhoneStatus>('/api/account/phone', { signal });
}

export const phoneQueryOptions = queryOptions({
  queryKey: phoneQueryKey,
  queryFn: ({ signal }) => getPhone({ signal }),
});

export function usePhone() {
  return useQuery(phoneQueryOptions);
}
