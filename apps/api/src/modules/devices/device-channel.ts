/**
 * What travels on channels.userDevices(userId): payments announce new and
 * resolved approval requests there, and a revoked device's streams are told
 * to close. Events come from other features (and other instances), so they
 * are read defensively; anything unrecognised is ignored.
 */
import type { PendingApproval } from '#contracts/payfriend.ts';

export type DeviceChannelEvent =
  | { type: 'approval'; approval: PendingApproval }
  | { type: 'resolved'; payment_id: string; status?: string; decided_by?: string }
  | { type: 'device-revoked'; device_id: string };

export function readDeviceChannelEvent(event: unknown): DeviceChannelEvent | undefined {
  if (typeof event !== 'object' || event === null) return undefined;
  const e = event as Record<string, unknown>;
  if (e.type === 'approval' && isApproval(e.approval)) return { type: 'approval', approval: e.approval };
  if (e.type === 'resolved' && typeof e.payment_id === 'string') {
    return {
      type: 'resolved',
      payment_id: e.payment_id,
      ...(typeof e.status === 'string' ? { status: e.status } : {}),
      ...(typeof e.decided_by === 'string' ? { decided_by: e.decided_by } : {}),
    };
  }
  if (e.type === 'device-revoked' && typeof e.device_id === 'string') return { type: 'device-revoked', device_id: e.device_id };
  return undefined;
}

function isApproval(value: unknown): value is PendingApproval {
  return typeof value === 'object' && value !== null && typeof (value as { payment_id?: unknown }).payment_id === 'string';
}
