import type { PendingApproval } from '#contracts/payfriend.ts';
import type { StoredDevice } from '../device-store.ts';
import { deviceRequest } from '../device-request.ts';

/** The payments waiting for this device's decision, newest first. */
export function getApprovals(device: StoredDevice, signal?: AbortSignal): Promise<PendingApproval[]> {
  return deviceRequest<PendingApproval[]>(device, 'GET', '/api/device/approvals', { signal });
}
