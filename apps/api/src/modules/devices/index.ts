/** Authenticator devices: pairing, signed device requests, live approval requests. */
import type { FastifyInstance } from 'fastify';
import type { AppConfig } from '../../config.ts';
import type { Clock } from '../../core/clock.ts';
import type { EventBus } from '../../core/events.ts';
import type { RateLimiter } from '../../core/rate-limiter.ts';
import type { Database } from '../../db/database.ts';
import type { RequireUser } from '../../plugins/auth.ts';
import type { EventStreams } from '../../plugins/event-stream.ts';
import type { PaymentAuthorization } from '../payments/authorization.ts';

export interface DevicesDeps {
  database: Database;
  config: AppConfig;
  clock: Clock;
  events: EventBus;
  streams: EventStreams;
  limiter: RateLimiter;
  authorization: PaymentAuthorization;
  requireUser: RequireUser;
}

export function installDevices(_app: FastifyInstance, _deps: DevicesDeps): void {
  // Routes are added by the devices feature.
}
