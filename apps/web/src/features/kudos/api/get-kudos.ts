import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Kudo } from '#contracts/kudos.ts';
import { api } from '../../../lib/api-client.ts';

export const kudosQueryKey = ['kudos'] as const;

/** The signed-in user's kudos, newest first. */
export function getKudos({ signal }: { signal?: AbortSignal } = {}): Promise<Kudo[]> {
  return api.get<Kudo[]>('/api/kudos', { signal });
}

export const kudosQueryOptions = queryOptions({
  queryKey: kudosQueryKey,
  queryFn: ({ signal }) => getKudos({ signal }),
});

export function useKudos() {
  return useQuery(kudosQueryOptions);
}
