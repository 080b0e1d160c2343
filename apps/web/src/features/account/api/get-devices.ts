import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Device } from '#contracts/payfriend.ts';
import { api } from '../../../lib/api-client.ts';

export const devicesQueryKey = ['account', 'devices'] as const;

/** The authenticator devices paired with the account. */
export function getDevices({ signal }: { signal?: AbortSignal } = {}): Promise<Device[]> {
  return api.get<Device[]>('/api/account/devices', { signal });
}

export const devicesQueryOptions = queryOptions({
  queryKey: devicesQueryKey,
  queryFn: ({ signal }) => getDevices({ signal }),
});

/** `watchUntil` (ms since the epoch): ask again every few seconds until then, while a pairing link waits for a phone. */
export function useDevices({ watchUntil = null }: { watchUntil?: number | null } = {}) {
  return useQuery({
    ...devicesQueryOptions,
    refetchInterval: () => (watchUntil !== null && Date.now() < watchUntil ? 3000 : false),
  });
}
