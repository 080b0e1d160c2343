/**
 * Issues and verifies the API's bearer tokens: ES256 JWTs signed with a key
 * kept in the database, so tokens survive restarts and every instance
 * verifies every other's.
 */
import { randomUUID } from 'node:crypto';
import * as jose from 'jose';
import type { Kysely } from 'kysely';
import type { Clock } from '../../core/clock.ts';
import { UnauthorizedError } from '../../core/errors.ts';
import type { Schema } from '../../db/schema.ts';
import { insertSigningKey, listSigningKeys, type SigningKeyRecord } from './signing-keys.repository.ts';
import { VerifiedTokenCache } from './verified-token-cache.ts';

export const TOKEN_ALGORITHM = 'ES256';
export const CLOCK_TOLERANCE_SECONDS = 30;
/** How often an unknown `kid` may trigger a reload of the key table. */
const KEY_RELOAD_INTERVAL_MS = 5_000;

export interface TokenSettings {
  issuer: string;
  audience: string;
  ttlSeconds: number;
}

export interface VerifiedToken {
  userId: string;
  expiresAt: number;
}

export class TokenService {
  private current: { kid: string; key: CryptoKey } | undefined;
  private publicJwks: jose.JSONWebKeySet = { keys: [] };
  private keySet: ReturnType<typeof jose.createLocalJWKSet> = jose.createLocalJWKSet({ keys: [] });
  private lastUnknownKidReload = Number.NEGATIVE_INFINITY;
  private readonly verified = new VerifiedTokenCache<VerifiedToken>(CLOCK_TOLERANCE_SECONDS);

  constructor(
    private readonly db: Kysely<Schema>,
    private readonly settings: TokenSettings,
    private readonly clock: Clock,
  ) {}

  /** Loads the signing keys, creating the first one if the table is empty. */
  async init(): Promise<void> {
    let records = await listSigningKeys(this.db);
    if (records.length === 0) {
      // Instances starting together on an empty database all try this; the fixed kid lets exactly
      // one insert win, and every instance then reads that same key.
      await insertSigningKey(this.db, await generateKeyRecord(this.clock.now(), INITIAL_KID));
      records = await listSigningKeys(this.db);
    }
    await this.useKeys(records);
  }

  get jwks(): jose.JSONWebKeySet {
    return this.publicJwks;
  }

  async issue(userId: string): Promise<{ token: string; expiresIn: number }> {
    if (!this.current) throw new Error('TokenService.init() was not called');
    const now = Math.floor(this.clock.now() / 1000);
    const token = await new jose.SignJWT({})
      .setProtectedHeader({ alg: TOKEN_ALGORITHM, kid: this.current.kid, typ: 'JWT' })
      .setSubject(userId)
      .setIssuer(this.settings.issuer)
      .setAudience(this.settings.audience)
      .setIssuedAt(now)
      .setNotBefore(now)
      .setExpirationTime(now + this.settings.ttlSeconds)
      .setJti(randomUUID())
      .sign(this.current.key);
    return { token, expiresIn: this.settings.ttlSeconds };
  }

  /** Verifies signature, algorithm, issuer, audience, expiry and not-before; throws 401 otherwise. */
  async verify(token: string): Promise<VerifiedToken> {
    const cached = this.verified.get(token, this.clock.now() / 1000);
    if (cached) return cached;

    const payload = await this.verifyWithKeyReload(token);
    if (typeof payload.sub !== 'string' || payload.sub === '' || typeof payload.exp !== 'number') {
      throw new UnauthorizedError('INVALID_TOKEN', 'Token lacks a subject or an expiry');
    }
    const result = { userId: payload.sub, expiresAt: payload.exp };
    this.verified.set(token, result);
    return result;
  }

  private async verifyWithKeyReload(token: string): Promise<jose.JWTPayload> {
    try {
      return await this.verifyOnce(token);
    } catch (error) {
      if (error instanceof jose.errors.JWKSNoMatchingKey && this.clock.now() - this.lastUnknownKidReload > KEY_RELOAD_INTERVAL_MS) {
        this.lastUnknownKidReload = this.clock.now();
        // Another instance may have added a key since we loaded ours.
        await this.useKeys(await listSigningKeys(this.db));
        return this.verifyOnce(token).catch(rethrowAsUnauthorized);
      }
      return rethrowAsUnauthorized(error);
    }
  }

  private async verifyOnce(token: string): Promise<jose.JWTPayload> {
    const { payload } = await jose.jwtVerify(token, this.keySet, {
      algorithms: [TOKEN_ALGORITHM],
      issuer: this.settings.issuer,
      audience: this.settings.audience,
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
      currentDate: new Date(this.clock.now()),
      requiredClaims: ['sub', 'exp', 'iat'],
    });
    return payload;
  }

  private async useKeys(records: SigningKeyRecord[]): Promise<void> {
    const newest = records[0];
    if (!newest) throw new Error('No signing key available');
    const key = (await jose.importJWK(JSON.parse(newest.private_jwk), newest.alg)) as CryptoKey;
    this.current = { kid: newest.kid, key };
    this.publicJwks = { keys: records.map((r) => JSON.parse(r.public_jwk) as jose.JWK) };
    this.keySet = jose.createLocalJWKSet(this.publicJwks);
  }
}

const INITIAL_KID = 'initial';

async function generateKeyRecord(now: number, kid: string = randomUUID()): Promise<SigningKeyRecord> {
  const { privateKey, publicKey } = await jose.generateKeyPair(TOKEN_ALGORITHM, { extractable: true });
  const publicJwk = { ...(await jose.exportJWK(publicKey)), kid, alg: TOKEN_ALGORITHM, use: 'sig' };
  const privateJwk = { ...(await jose.exportJWK(privateKey)), kid, alg: TOKEN_ALGORITHM };
  return { kid, alg: TOKEN_ALGORITHM, private_jwk: JSON.stringify(privateJwk), public_jwk: JSON.stringify(publicJwk), created_at: now };
}

function rethrowAsUnauthorized(error: unknown): never {
  if (error instanceof jose.errors.JWTExpired) throw new UnauthorizedError('TOKEN_EXPIRED', 'Token has expired');
  if (error instanceof jose.errors.JOSEError) throw new UnauthorizedError('INVALID_TOKEN', `Invalid token (${error.code})`);
  if (error instanceof UnauthorizedError) throw error;
  throw new UnauthorizedError('INVALID_TOKEN', 'Invalid token');
}
