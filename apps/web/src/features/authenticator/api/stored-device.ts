/** The device this browser was paired as, read from IndexedDB through the query cache; and forgetting it. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { forgetDevice, loadDevice } from '../device-store.ts';

export const storedDeviceKey = ['authenticator', 'device'] as const;

export function useStoredDevice() {
  return useQuery({ queryKey: storedDeviceKey, queryFn: loadDevice, staleTime: Infinity, retry: false });
}

export function useForgetDevice() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: forgetDevice,
    onSuccess: () => {
      queryClient.setQueryData(storedDeviceKey, null);
      queryClient.removeQueries({ queryKey: ['authenticator', 'approvals'] });
    },
  });
}
