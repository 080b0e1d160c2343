import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, isApiError } from '../../../lib/api-client.ts';
import { clearSession } from './session.ts';

export function signOut(): Promise<void> {
  return api.post<void>('/api/auth/logout');
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signOut,
    onSuccess: () => clearSession(queryClient),
    // Already signed out on the server: forget the session here too.
    onError: (error) => {
      if (isApiError(error) && error.status === 401) clearSession(queryClient);
    },
  });
}
