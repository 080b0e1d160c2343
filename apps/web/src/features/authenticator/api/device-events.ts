/**
 * GET /api/device/events, read with fetch() so the request can be signed.
 * Events: `approval` (a payment to decide), `resolved` (decided elsewhere or
 * expired), `revoked` (this device), `shutdown` (the server is going away).
 */
import type { PendingApproval } from '#contracts/payfriend.ts';
import { readResponse } from '../../../lib/api-client.ts';
import type { StoredDevice } from '../device-store.ts';
import { deviceFetch } from '../device-request.ts';
import { readEventStream } from '../sse-parser.ts';

export type DeviceEvent =
  | { type: 'approval'; approval: PendingApproval }
  | { type: 'resolved'; paymentId: string; status?: string; decidedBy?: string }
  | { type: 'revoked' }
  | { type: 'shutdown' };

interface DeviceEventHandlers {
  onOpen: () => void;
  onEvent: (event: DeviceEvent) => void;
  onRetry?: (milliseconds: number) => void;
}

function toDeviceEvent(event: string, data: string): DeviceEvent | undefined {
  const parsed = JSON.parse(data) as Record<string, unknown>;
  if (event === 'approval' && typeof parsed.payment_id === 'string') return { type: 'approval', approval: parsed as unknown as PendingApproval };
  if (event === 'resolved' && typeof parsed.payment_id === 'string') {
    const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
    return { type: 'resolved', paymentId: parsed.payment_id, status: text(parsed.status), decidedBy: text(parsed.decided_by) };
  }
  if (event === 'revoked') return { type: 'revoked' };
  if (event === 'shutdown') return { type: 'shutdown' };
  return undefined;
}

/** Resolves when the server ends the stream; rejects with an ApiError when it refuses to open it. */
export async function followDeviceEvents(device: StoredDevice, signal: AbortSignal, handlers: DeviceEventHandlers): Promise<void> {
  const response = await deviceFetch(device, 'GET', '/api/device/events', { signal, accept: 'text/event-stream' });
  if (!response.ok || !response.body) {
    await readResponse(response);
    throw new Error(`The event stream answered ${response.status} without a body`);
  }
  handlers.onOpen();
  await readEventStream(response.body, {
    onRetry: handlers.onRetry,
    onEvent: ({ event, data }) => {
      const parsed = toDeviceEvent(event, data);
      if (parsed) handlers.onEvent(parsed);
    },
  });
}
