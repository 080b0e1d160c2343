/**
 * Signing in and registering: both answer with a session and set the session
 * cookie. Registration may carry a phone number, sent once the account exists.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Credentials, SessionInfo } from '#contracts/auth.ts';
import { api, setCsrfToken } from '../../../lib/api-client.ts';
import { describeError } from '../../../lib/error-message.ts';
import { fieldError } from '../../../lib/field-error.ts';
import { addPhone } from './add-phone.ts';
import { storeSession } from './session.ts';

export type SignInMode = 'signin' | 'register';

/** Where to go once signed in, when it is not where the person came from. */
export interface AfterSignIn {
  to: string;
  state?: RegisteredPhone;
}

/** Location state for /account after registering with a phone number. */
export interface RegisteredPhone {
  phone: string;
  /** Why the number was refused; absent when a code was sent. */
  refused?: string;
}

export const afterSignInKey = ['after-sign-in'] as const;

export function signIn(mode: SignInMode, credentials: Credentials): Promise<SessionInfo> {
  return api.post<SessionInfo>(mode === 'register' ? '/api/auth/register' : '/api/auth/login', credentials);
}

interface SignInInput {
  mode: SignInMode;
  credentials: Credentials;
  /** Registration only; empty for none. */
  phone?: string;
}

async function signInWithPhone({ mode, credentials, phone }: SignInInput): Promise<{ session: SessionInfo; next?: AfterSignIn }> {
  const session = await signIn(mode, credentials);
  if (mode !== 'register' || !phone) return { session };
  // The account exists now; a refused number is fixed on the Account page, not here.
  setCsrfToken(session.csrf_token);
  try {
    await addPhone(phone);
    return { session, next: { to: '/account', state: { phone } } };
  } catch (error) {
    const refused = fieldError(error, 'phone') ?? describeError(error);
    return { session, next: { to: '/account', state: { phone, refused } } };
  }
}

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signInWithPhone,
    onSuccess: ({ session, next }) => {
      if (next) queryClient.setQueryData(afterSignInKey, next);
      storeSession(queryClient, session);
    },
  });
}
