/**
 * A device's live feed: first every approval already waiting, then whatever
 * payments announce for its user. Events that arrive while the waiting list
 * is read are held back and replayed after it, without duplicates, so nothing
 * is lost between "read the list" and "listen".
 */
import { channels, type EventBus } from '../../core/events.ts';
import type { EventStream } from '../../plugins/event-stream.ts';
import type { PaymentAuthorization } from '../payments/authorization.ts';
import type { AuthenticatedDevice } from './device-auth.service.ts';
import { type DeviceChannelEvent, readDeviceChannelEvent } from './device-channel.ts';

export function createDeviceEventFeed(deps: {
  events: EventBus;
  authorization: PaymentAuthorization;
  isActive: (deviceId: string) => Promise<boolean>;
}) {
  const { events, authorization } = deps;

  async function open(device: AuthenticatedDevice, stream: EventStream): Promise<void> {
    const held: DeviceChannelEvent[] = [];
    let live = false;
    const deliver = (event: DeviceChannelEvent) => {
      if (event.type === 'approval') stream.send('approval', event.approval);
      else if (event.type === 'resolved') {
        const { type: _, ...resolved } = event;
        stream.send('resolved', resolved);
      }
      else if (event.device_id === device.id) revoked();
    };
    const revoked = () => {
      stream.send('revoked', { device_id: device.id });
      stream.close();
    };

    const unsubscribe = await events.subscribe(channels.userDevices(device.userId), (raw) => {
      const event = readDeviceChannelEvent(raw);
      if (event && live) deliver(event);
      else if (event) held.push(event);
    });
    if (stream.closed) return unsubscribe();
    stream.onClose(unsubscribe);
    // A revocation published between authentication and subscribing would otherwise go unseen.
    if (!(await deps.isActive(device.id))) return revoked();

    const sent = new Set<string>();
    for (const approval of await authorization.pendingApprovals(device.userId)) {
      stream.send('approval', approval);
      sent.add(approval.payment_id);
    }
    live = true;
    for (const event of held.splice(0)) {
      if (event.type !== 'approval' || !sent.has(event.approval.payment_id)) deliver(event);
    }
  }

  return { open };
}

export type DeviceEventFeed = ReturnType<typeof createDeviceEventFeed>;
