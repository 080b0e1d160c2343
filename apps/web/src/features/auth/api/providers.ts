/** Ways to sign in besides email and password (an external OpenID Connect issuer), asked once. */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { AuthProviders } from '#contracts/auth.ts';
import { api } from '../../../lib/api-client.ts';

export const providersQueryOptions = queryOptions({
  queryKey: ['auth-providers'] as const,
  queryFn: ({ signal }) => api.get<AuthProviders>('/api/auth/providers', { signal }),
  staleTime: Infinity,
});

export function useAuthProviders() {
  return useQuery(providersQueryOptions);
}

/** The browser goes there (a full navigation): the issuer signs the person in and sends them back. */
export function externalSignInUrl(loginUrl: string, options: { returnTo: string; reauth?: boolean }): string {
  const query = new URLSearchParams({ return_to: options.returnTo });
  if (options.reauth) query.set('reauth', '1');
  return `${loginUrl}?${query}`;
}

/** What the sign-in page says when the way back from the issuer ends in ?oidc_error=<reason>. */
export function describeExternalFailure(reason: string, name: string): string {
  switch (reason) {
    case 'cancelled':
      return `Signing in with ${name} was cancelled.`;
    case 'expired':
      return 'That sign-in took too long or was already used. Please try again.';
    case 'mismatch':
      return 'That sign-in was started in another browser or tab. Please try again here.';
    case 'email':
      return `${name} did not share a verified email address, which an account here needs.`;
    case 'email_taken':
      return 'An account with your email address already exists here. Sign in with its password.';
    case 'unavailable':
      return `${name} cannot be reached right now. Please try again in a moment.`;
    case 'other_person':
      return `You signed in at ${name} as someone else, so nothing changed here. Sign in there as the person signed in on this site.`;
    default:
      return `Signing in with ${name} did not work. Please try again.`;
  }
}
