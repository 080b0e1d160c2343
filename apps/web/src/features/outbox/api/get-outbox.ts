import { queryOptions, useQuery } from '@tanstack/react-query';
import type { SmsMessage } from '#contracts/payfriend.ts';
import { api } from '../../../lib/api-client.ts';

export const outboxQueryKey = ['outbox'] as const;
/** How often the open Outbox page asks for new messages. */
export const OUTBOX_REFRESH_MS = 3000;

/** The text messages sent for the signed-in account, newest first. */
export function getOutbox({ signal }: { signal?: AbortSignal } = {}): Promise<SmsMessage[]> {
  return api.get<SmsMessage[]>('/api/outbox', { signal });
}

export const outboxQueryOptions = queryOptions({
  queryKey: outboxQueryKey,
  queryFn: ({ signal }) => getOutbox({ signal }),
});

export function useOutbox() {
  return useQuery({ ...outboxQueryOptions, staleTime: 0, refetchInterval: OUTBOX_REFRESH_MS });
}
