/**
 * Decides whether a request was signed by a live paired device. Cheap checks
 * come first; the nonce is remembered only once the signature verifies, so
 * unsigned traffic cannot fill the nonce table or burn a device's nonces.
 */
import type { KeyObject } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Clock } from '../../core/clock.ts';
import type { Schema } from '../../db/schema.ts';
import { deviceAuthFailed } from './device-errors.ts';
import { type P256PublicJwk, publicKeyFromJwk, verifyP1363 } from './device-key.ts';
import * as repo from './devices.repository.ts';
import { bodySha256, canonicalRequestString } from './request-signing.ts';

export interface SignedRequest {
  method: string;
  pathWithQuery: string;
  deviceId: string | undefined;
  timestamp: string | undefined;
  nonce: string | undefined;
  signature: string | undefined;
  /** Raw body bytes; undefined when the request has none. */
  body: Uint8Array | undefined;
}

export interface AuthenticatedDevice {
  id: string;
  userId: string;
  /** Also verifies what the device signs inside a request, such as a payment decision. */
  publicKey: KeyObject;
}

const DEVICE_ID = /^[A-Za-z0-9-]{1,64}$/;
const TIMESTAMP = /^\d{1,15}$/;
const NONCE = /^[A-Za-z0-9_-]{16,64}$/;
const SIGNATURE = /^[A-Za-z0-9_-]{1,200}$/;
const LAST_USED_GRANULARITY_MS = 60_000;

export function createDeviceAuthService(deps: { db: Kysely<Schema>; clock: Clock; maxSkewSeconds: number }) {
  const { db, clock } = deps;
  const maxSkewMs = deps.maxSkewSeconds * 1000;

  async function authenticate(request: SignedRequest): Promise<AuthenticatedDevice> {
    const { deviceId, timestamp, nonce, signature } = request;
    if (!deviceId || !timestamp || !nonce || !signature) {
      throw deviceAuthFailed('DEVICE_HEADERS_INVALID', 'Send X-Device-Id, X-Device-Timestamp, X-Device-Nonce and X-Device-Signature');
    }
    if (!DEVICE_ID.test(deviceId) || !TIMESTAMP.test(timestamp) || !NONCE.test(nonce) || !SIGNATURE.test(signature)) {
      throw deviceAuthFailed(
        'DEVICE_HEADERS_INVALID',
        'X-Device-Timestamp must be milliseconds since the epoch, X-Device-Nonce 16-64 base64url characters, X-Device-Signature base64url',
      );
    }
    const now = clock.now();
    const sentAt = Number(timestamp);
    if (Math.abs(sentAt - now) > maxSkewMs) {
      throw deviceAuthFailed('DEVICE_CLOCK_SKEW', `The device clock is more than ${deps.maxSkewSeconds} s off; server time is ${now}`);
    }
    const device = await repo.findDevice(db, deviceId);
    if (!device) throw deviceAuthFailed('DEVICE_UNKNOWN', 'This device is not paired');
    const data = canonicalRequestString({
      method: request.method,
      pathWithQuery: request.pathWithQuery,
      timestamp,
      nonce,
      bodySha256: bodySha256(request.body),
    });
    const key = publicKeyFromJwk(JSON.parse(device.public_key_jwk) as P256PublicJwk);
    if (!verifyP1363(key, data, signature)) throw deviceAuthFailed('DEVICE_SIGNATURE_INVALID', 'The request signature does not verify');
    // After the signature: only the device itself learns that it was revoked.
    if (device.revoked_at !== null) throw deviceAuthFailed('DEVICE_REVOKED', 'This device was removed from the account; pair it again');
    // Remembered until its timestamp could no longer pass the skew check anyway.
    if (!(await repo.rememberNonce(db, `device:${device.id}`, nonce, sentAt + maxSkewMs))) {
      throw deviceAuthFailed('DEVICE_REPLAY', 'This nonce was already used; every request needs a fresh one');
    }
    await repo.touchDevice(db, device.id, now, LAST_USED_GRANULARITY_MS);
    return { id: device.id, userId: device.user_id, publicKey: key };
  }

  /** Is the device still live? Event streams ask again after subscribing, to close the revoke race. */
  async function isActive(deviceId: string): Promise<boolean> {
    const device = await repo.findDevice(db, deviceId);
    return device !== undefined && device.revoked_at === null;
  }

  /** Forgets nonces whose timestamps can no longer pass, and pairing codes expired for a day. */
  async function pruneExpired(): Promise<void> {
    await repo.pruneExpired(db, clock.now(), 86_400_000);
  }

  return { authenticate, isActive, pruneExpired };
}

export type DeviceAuthService = ReturnType<typeof createDeviceAuthService>;
