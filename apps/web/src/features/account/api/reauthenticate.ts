import { api } from '../../../lib/api-client.ts';

/** Re-enters the password, for actions that need a recent sign-in (pairing a phone). */
export function reauthenticate(password: string): Promise<void> {
  return api.post<void>('/api/auth/reauthenticate', { password });
}
