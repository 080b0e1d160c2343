/**
 * Pairing this browser: a new key pair (the private key cannot be exported),
 * the public key sent with the single-use code, and everything kept in
 * IndexedDB. No session is needed: the code proves whose device it is.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { PairDeviceInput, PairedDevice } from '#contracts/payfriend.ts';
import { ApiError, readResponse } from '../../../lib/api-client.ts';
import { deviceSignedMeta } from '../../../lib/query-client.ts';
import { type StoredDevice, saveDevice } from '../device-store.ts';
import { createDeviceKeys } from '../device-signing.ts';
import { storedDeviceKey } from './stored-device.ts';

export async function pairDevice(input: PairDeviceInput): Promise<PairedDevice> {
  let response: Response;
  try {
    response = await fetch('/api/devices/pair', {
      method: 'POST',
      headers: { accept: 'application/json', 'content-type': 'application/json' },
      body: JSON.stringify(input),
      credentials: 'omit',
    });
  } catch {
    throw new ApiError(0, 'OFFLINE', 'You appear to be offline. Check your connection and try again.');
  }
  return readResponse<PairedDevice>(response);
}

async function pairThisBrowser({ code, name }: { code: string; name: string }): Promise<StoredDevice> {
  const { keys, publicKey } = await createDeviceKeys();
  const paired = await pairDevice({ code, name, public_key: publicKey });
  const device: StoredDevice = { deviceId: paired.device_id, userEmail: paired.user_email, name, pairedAt: new Date().toISOString(), keys };
  await saveDevice(device);
  return device;
}

export function usePairDevice() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: pairThisBrowser,
    meta: deviceSignedMeta,
    onSuccess: (device) => queryClient.setQueryData(storedDeviceKey, device),
  });
}
