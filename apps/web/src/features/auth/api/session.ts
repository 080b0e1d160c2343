/** Who is signed in: asked once on load, then kept up to date by sign-in and sign-out. */
import { type QueryClient, queryOptions, useQuery } from '@tanstack/react-query';
import type { SessionInfo } from '#contracts/auth.ts';
import { api, isApiError, setCsrfToken } from '../../../lib/api-client.ts';

export const sessionQueryKey = ['session'] as const;

/** The current session, or null when signed out. */
export async function getSession(): Promise<SessionInfo | null> {
  try {
    const session = await api.get<SessionInfo>('/api/auth/session');
    setCsrfToken(session.csrf_token);
    return session;
  } catch (error) {
    if (isApiError(error) && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export const sessionQueryOptions = queryOptions({
  queryKey: sessionQueryKey,
  queryFn: getSession,
  staleTime: Infinity,
});

export function useSession() {
  return useQuery(sessionQueryOptions);
}

export function storeSession(queryClient: QueryClient, session: SessionInfo): void {
  setCsrfToken(session.csrf_token);
  queryClient.setQueryData(sessionQueryKey, session);
}

/** Forgets the session and everything loaded for its user. */
export function clearSession(queryClient: QueryClient): void {
  setCsrfToken(null);
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionQueryKey[0] });
  queryClient.setQueryData(sessionQueryKey, null);
}
