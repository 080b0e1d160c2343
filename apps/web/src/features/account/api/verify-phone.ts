import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { PhoneStatus } from '#contracts/payfriend.ts';
import { api } from '../../../lib/api-client.ts';
import { phoneQueryKey } from './get-phone.ts';

/** Proves the number with the texted code; a wrong code is a 422 naming `code`. */
export function verifyPhone(code: string): Promise<{ phone: string; verified: true }> {
  return api.post<{ phone: string; verified: true }>('/api/account/phone/verify', { code });
}

export function useVerifyPhone() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: verifyPhone,
    onSuccess: ({ phone }) => {
      queryClient.setQueryData<PhoneStatus>(phoneQueryKey, { phone, verified: true, resend_after: null });
    },
  });
}
