import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { PhoneStatus } from '#contracts/payfriend.ts';
import { api } from '../../../lib/api-client.ts';
import { phoneQueryKey } from './get-phone.ts';

/** Stores a new number, unverified, and texts a code to it. */
export function setPhone(phone: string): Promise<PhoneStatus> {
  return api.post<PhoneStatus>('/api/account/phone', { phone });
}

export function useSetPhone() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: setPhone,
    onSuccess: (status) => queryClient.setQueryData(phoneQueryKey, status),
  });
}
