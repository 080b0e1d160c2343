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
import { createApprovalsService } from './approvals.service.ts';
import { registerDeviceApiRoutes } from './device-api.routes.ts';
import { createDeviceAuthService } from './device-auth.service.ts';
import { createDeviceEventFeed } from './device-events.ts';
import { registerDeviceAccountRoutes } from './devices.routes.ts';
import { createDevicesService } from './devices.service.ts';
import { createPairingService } from './pairing.service.ts';
import { createRequireDevice } from './require-device.ts';

export interface DeviceLimits {
  /** Pairing codes one user may create per hour. */
  pairingsPerUserPerHour: number;
  /** Pairing attempts (right or wrong code) one IP may make per minute. */
  pairAttemptsPerIpPerMinute: number;
}

export interface DevicesDeps {
  database: Database;
  config: AppConfig;
  clock: Clock;
  events: EventBus;
  streams: EventStreams;
  limiter: RateLimiter;
  authorization: PaymentAuthorization;
  requireUser: RequireUser;
  limits?: Partial<DeviceLimits>;
}

const DEFAULT_LIMITS: DeviceLimits = { pairingsPerUserPerHour: 10, pairAttemptsPerIpPerMinute: 30 };
const PRUNE_EVERY_MS = 10 * 60_000;

export function installDevices(app: FastifyInstance, deps: DevicesDeps): void {
  const { database, config, clock, events, limiter, authorization } = deps;
  const db = database.db;
  const limits = { ...DEFAULT_LIMITS, ...deps.limits };
  const pairing = createPairingService({
    db,
    clock,
    limiter,
    settings: { publicUrl: config.publicUrl, ...config.devices, ...limits },
  });
  const auth = createDeviceAuthService({ db, clock, maxSkewSeconds: config.devices.requestMaxSkewSeconds });
  const onPublishError = (err: unknown) => app.log.warn({ err }, 'device revocation not published');
  const devices = createDevicesService({ db, clock, events, onPublishError });
  registerDeviceAccountRoutes(app, { pairing, devices, requireUser: deps.requireUser });
  registerDeviceApiRoutes(app, {
    approvals: createApprovalsService({ authorization }),
    feed: createDeviceEventFeed({ events, authorization, isActive: auth.isActive }),
    streams: deps.streams,
    requireDevice: createRequireDevice(auth),
  });

  // Expired nonces are harmless (the timestamp check refuses their requests); pruning only keeps the table small.
  const pruneTimer = setInterval(() => void auth.pruneExpired().catch((err: unknown) => app.log.warn({ err }, 'device nonce pruning failed')), PRUNE_EVERY_MS);
  pruneTimer.unref();
  app.addHook('onClose', async () => clearInterval(pruneTimer));
}
