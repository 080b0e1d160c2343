import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { PhoneStatus } from '#contracts/payfriend.ts';
import { api } from '../../../lib/api-client.ts';
import { phoneQueryKey } from './get-phone.ts';

/** Proves the number with the texted code; a wrong code is a 422 naming `code`. */
export function verifyPhone(code: string): Promise<PhoneStatus> {
  return api.post<PhoneStatus>('/api/account/phone/verify', { code });
}

export function useVerifyPhone() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: verifyPhone,
    onSuccess: (status) => {
      queryClient.setQueryData<PhoneStatus>(phoneQueryKey, status);
    },
  });
}
