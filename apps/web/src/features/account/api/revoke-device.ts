import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Device } from '#contracts/payfriend.ts';
import { api, isApiError } from '../../../lib/api-client.ts';
import { devicesQueryKey } from './get-devices.ts';

/** Revokes a device: its signatures stop working at once. One already gone counts as revoked. */
export async function revokeDevice(deviceId: string): Promise<void> {
  try {
    await api.delete(`/api/account/devices/${encodeURIComponent(deviceId)}`);
  } catch (error) {
    if (isApiError(error) && error.status === 404) return;
    throw error;
  }
}

export function useRevokeDevice() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: revokeDevice,
    onSuccess: (_result, deviceId) => {
      queryClient.setQueryData<Device[]>(devicesQueryKey, (devices) => devices?.filter((device) => device.id !== deviceId));
      void queryClient.invalidateQueries({ queryKey: devicesQueryKey });
    },
  });
}
