/** Signing in and registering: both answer with a session and set the session cookie. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Credentials, SessionInfo } from '#contracts/auth.ts';
import { api } from '../../../lib/api-client.ts';
import { storeSession } from './session.ts';

export type SignInMode = 'signin' | 'register';

export function signIn(mode: SignInMode, credentials: Credentials): Promise<SessionInfo> {
  return api.post<SessionInfo>(mode === 'register' ? '/api/auth/register' : '/api/auth/login', credentials);
}

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ mode, credentials }: { mode: SignInMode; credentials: Credentials }) => signIn(mode, credentials),
    onSuccess: (session) => storeSession(queryClient, session),
  });
}
