import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { PhoneStatus } from '#contracts/payfriend.ts';
import { api } from '../../../lib/api-client.ts';
import { phoneQueryKey } from './get-phone.ts';

/** Texts a new code to the unverified number; refused during the cool-down. */
export function resendPhoneCode(): Promise<PhoneStatus | undefined> {
  return api.post<PhoneStatus | undefined>('/api/account/phone/resend');
}

export function useResendPhoneCode() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: resendPhoneCode,
    onSuccess: (status) => {
      if (status && typeof status.verified === 'boolean') queryClient.setQueryData(phoneQueryKey, status);
      else void queryClient.invalidateQueries({ queryKey: phoneQueryKey });
    },
  });
}
