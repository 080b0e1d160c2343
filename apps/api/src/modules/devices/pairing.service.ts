/**
 * Pairing: the signed-in page asks for a short-lived single-use code, the
 * phone presents it with its public key. Only the code's SHA-256 is stored,
 * so a database leak does not leak codes that still work.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Pairing, PairDeviceInput, PairedDevice } from '#contracts/payfriend.ts';
import type { Clock } from '../../core/clock.ts';
import { randomToken, sha256Hex } from '../../core/crypto.ts';
import { ValidationError } from '../../core/errors.ts';
import type { LimitRule, RateLimiter } from '../../core/rate-limiter.ts';
import { textProblem } from '../../core/text.ts';
import type { Caller } from '../../plugins/auth.ts';
import type { Schema } from '../../db/schema.ts';
import { acceptPublicJwk } from './device-key.ts';
import { PairingCodeInvalidError, reauthRequired, sessionRequired } from './device-errors.ts';
import * as repo from './devices.repository.ts';

export interface PairingSettings {
  publicUrl: string;
  pairingTtlSeconds: number;
  reauthMaxAgeSeconds: number;
  /** Codes a user may create per hour. */
  pairingsPerUserPerHour: number;
  /** Pairing attempts one IP may make per minute. */
  pairAttemptsPerIpPerMinute: number;
}

// 256 bits: far beyond guessing, even with the per-IP limit lifted.
const CODE_BYTES = 32;
const NAME_MAX = 60;
// Control characters and bidirectional overrides could make a device name lie about itself in the list.
export function createPairingService(deps: { db: Kysely<Schema>; clock: Clock; limiter: RateLimiter; settings: PairingSettings }) {
  const { db, clock, limiter, settings } = deps;
  const perUser: LimitRule = { name: 'device-pairings-user', limit: settings.pairingsPerUserPerHour, windowMs: 3_600_000 };
  const perIp: LimitRule = { name: 'device-pair-ip', limit: settings.pairAttemptsPerIpPerMinute, windowMs: 60_000 };

  /** Needs the page's session with a password entered within the last few minutes. */
  async function createPairing(caller: Caller): Promise<Pairing> {
    if (caller.via !== 'session' || !caller.session) throw sessionRequired();
    const now = clock.now();
    if (now - caller.session.authenticatedAt > settings.reauthMaxAgeSeconds * 1000) throw reauthRequired();
    await limiter.consume(perUser, caller.userId);
    const code = randomToken(CODE_BYTES);
    const expiresAt = now + settings.pairingTtlSeconds * 1000;
    await repo.insertPairing(db, { code_hash: sha256Hex(code), user_id: caller.userId, created_at: now, expires_at: expiresAt, used_at: null });
    // In the fragment, the code never reaches a server log or a Referer header.
    return { code, pairing_url: `${settings.publicUrl}/authenticator/pair#code=${code}`, expires_at: new Date(expiresAt).toISOString() };
  }

  /** Checks everything that needs no database first, so a typo in the name does not burn the code. */
  async function pair(input: PairDeviceInput, ip: string): Promise<PairedDevice> {
    await limiter.consume(perIp, ip);
    const name = acceptDeviceName(input.name);
    const jwk = acceptPublicJwk(input.public_key as Record<string, unknown>);
    const now = clock.now();
    const deviceId = randomUUID();
    const userEmail = await db.transaction().execute(async (trx) => {
      const owner = await repo.consumePairing(trx, sha256Hex(input.code), now);
      if (!owner) throw new PairingCodeInvalidError();
      await repo.insertDevice(trx, {
        id: deviceId,
        user_id: owner,
        name,
        public_key_jwk: JSON.stringify(jwk),
        created_at: now,
        last_used_at: null,
        revoked_at: null,
      });
      return (await repo.findUserEmail(trx, owner)) ?? '';
    });
    return { device_id: deviceId, user_email: userEmail };
  }

  return { createPairing, pair };
}

export type PairingService = ReturnType<typeof createPairingService>;

export function acceptDeviceName(raw: string): string {
  const name = raw.normalize('NFC').trim();
  const length = [...name].length;
  if (length < 1 || length > NAME_MAX) throw ValidationError.forField('name', `must be 1 to ${NAME_MAX} characters`);
  const problem = textProblem(name, 'label');
  if (problem) throw ValidationError.forField('name', problem);
  return name;
}
