import type { Pairing } from '#contracts/payfriend.ts';
import { api } from '../../../lib/api-client.ts';

/**
 * A short-lived, single-use pairing link for a phone. 403 REAUTH_REQUIRED when
 * the password was last entered too long ago.
 */
export function createPairing(): Promise<Pairing> {
  return api.post<Pairing>('/api/account/pairings');
}
