/** One QueryClient for the page, with retry rules that fit our error codes. */
import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError } from './api-client.ts';

/** Retries only what may pass on a second try: a dropped connection or a server fault. */
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (!isApiError(error)) return false;
  return failureCount < 1 && (error.offline || error.status >= 500);
}

/**
 * Requests an authenticator device signs with its own key: their 401 says the
 * device is not trusted, nothing about the browser's session.
 */
export const deviceSignedMeta = { deviceSigned: true } as const;

export function createQueryClient(onUnauthorized: () => void): QueryClient {
  const onError = (error: unknown, meta: Record<string, unknown> | undefined) => {
    if (meta?.deviceSigned) return;
    // A wrong password is a 401 too, but it ends no session.
    if (isApiError(error) && error.status === 401 && error.code !== 'INVALID_CREDENTIALS') onUnauthorized();
  };
  return new QueryClient({
    queryCache: new QueryCache({ onError: (error, query) => onError(error, query.meta) }),
    mutationCache: new MutationCache({ onError: (error, _variables, _context, mutation) => onError(error, mutation.meta) }),
    defaultOptions: {
      // networkMode 'always': without a connection a request fails with OFFLINE and the page says so,
      // rather than waiting silently until the browser reports a connection again.
      queries: { retry: shouldRetry, staleTime: 30_000, refetchOnWindowFocus: false, networkMode: 'always' },
      mutations: { retry: false, networkMode: 'always' },
    },
  });
}
