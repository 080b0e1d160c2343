/** The user's own view of their devices: list them, revoke one. */
import type { Kysely } from 'kysely';
import type { Device } from '#contracts/payfriend.ts';
import type { Clock } from '../../core/clock.ts';
import { NotFoundError } from '../../core/errors.ts';
import { channels, type EventBus } from '../../core/events.ts';
import type { Schema } from '../../db/schema.ts';
import type { DeviceChannelEvent } from './device-channel.ts';
import * as repo from './devices.repository.ts';

const iso = (ms: number) => new Date(ms).toISOString();

export function toDevice(row: repo.DeviceRow): Device {
  return {
    id: row.id,
    name: row.name,
    created_at: iso(row.created_at),
    last_used_at: row.last_used_at === null ? null : iso(row.last_used_at),
  };
}

export function createDevicesService(deps: {
  db: Kysely<Schema>;
  clock: Clock;
  events: EventBus;
  /** Told when the revocation cannot be announced; the revocation itself stands. */
  onPublishError?: (error: unknown) => void;
}) {
  const { db, clock, events } = deps;

  async function list(userId: string): Promise<Device[]> {
    return (await repo.listActiveDevices(db, userId)).map(toDevice);
  }

  /**
   * Every signed request reads the device row, so signatures stop working
   * at once; the event closes the device's open event streams, on any instance.
   */
  async function revoke(userId: string, deviceId: string): Promise<void> {
    // Another user's device is reported exactly like a missing one.
    if (!(await repo.revokeDevice(db, userId, deviceId, clock.now()))) throw new NotFoundError('No such device');
    const event: DeviceChannelEvent = { type: 'device-revoked', device_id: deviceId };
    try {
      await events.publish(channels.userDevices(userId), event);
    } catch (error) {
      // Signed requests already fail; an open stream stays up until it reconnects, and is then refused.
      deps.onPublishError?.(error);
    }
  }

  return { list, revoke };
}

export type DevicesService = ReturnType<typeof createDevicesService>;
