import type { PhoneStatus } from '#contracts/payfriend.ts';
import { api } from '../../../lib/api-client.ts';

/** The phone number given at registration: stored unverified, and a code is texted to it. */
export function addPhone(phone: string): Promise<PhoneStatus> {
  return api.post<PhoneStatus>('/api/account/phone', { phone });
}
