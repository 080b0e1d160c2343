/**
 * The configured external OpenID Connect issuer, discovered on first use
 * (and again after a failure, and every hour), so the site starts and serves
 * its own users while the issuer is down. Discovery checks that the issuer's
 * metadata names the configured issuer exactly.
 *
 * After the issuer fails to answer, requests that need it fail at once for a
 * few seconds instead of each waiting out the timeout: a stream of tokens
 * naming unknown keys cannot pile up waiting requests.
 */
import * as jose from 'jose';
import * as client from 'openid-client';
import type { OidcConfig } from '../../config.ts';
import { ServiceUnavailableError } from '../../core/errors.ts';

const TIMEOUT_SECONDS = 5;
const BACKOFF_MS = 10_000;
const DISCOVERY_TTL_MS = 3_600_000;

export class OidcIssuer {
  private discovered: { configuration: Promise<client.Configuration>; at: number } | undefined;
  private keys: jose.JWTVerifyGetKey | undefined;
  private unreachableUntil = 0;

  constructor(readonly settings: OidcConfig) {}

  /** openid-client's view of the issuer and of us as its client. */
  configuration(): Promise<client.Configuration> {
    const now = Date.now();
    const current = this.discovered;
    if (current && now - current.at < DISCOVERY_TTL_MS) return current.configuration;
    if (now < this.unreachableUntil) return current?.configuration ?? Promise.reject(recentlyUnreachable());
    const fresh = this.discover().catch((error: unknown) => {
      this.unreachableUntil = Date.now() + BACKOFF_MS;
      // An hour-old description beats none; without one, the next call tries again after the pause.
      this.discovered = current;
      if (current) return current.configuration;
      throw unavailable(error);
    });
    this.discovered = { configuration: fresh, at: now };
    return fresh;
  }

  /** The issuer's signing keys (jose refetches them, at most every 30 s, when a token names an unknown key). */
  async keySet(): Promise<jose.JWTVerifyGetKey> {
    if (this.keys) return this.keys;
    const jwksUri = (await this.configuration()).serverMetadata().jwks_uri;
    if (!jwksUri) throw new ServiceUnavailableError('IDENTITY_PROVIDER_MISCONFIGURED', 'The identity provider publishes no jwks_uri');
    const remote = jose.createRemoteJWKSet(new URL(jwksUri), { timeoutDuration: TIMEOUT_SECONDS * 1000 });
    this.keys = async (header, token) => {
      if (Date.now() < this.unreachableUntil) throw recentlyUnreachable();
      try {
        return await remote(header, token);
      } catch (error) {
        // A key that is not there is the token's problem; no answer at all is the issuer's.
        if (error instanceof jose.errors.JWKSTimeout || !(error instanceof jose.errors.JOSEError)) this.unreachableUntil = Date.now() + BACKOFF_MS;
        throw error;
      }
    };
    return this.keys;
  }

  /** The person behind an access token, as the issuer's userinfo endpoint describes them. */
  async userinfo(accessToken: string, expectedSubject: string): Promise<client.UserInfoResponse> {
    const configuration = await this.configuration();
    try {
      return await client.fetchUserInfo(configuration, accessToken, expectedSubject);
    } catch (error) {
      if (error instanceof client.ResponseBodyError || error instanceof client.WWWAuthenticateChallengeError) throw error;
      throw unavailable(error);
    }
  }

  private discover(): Promise<client.Configuration> {
    const { issuer, client: registered } = this.settings;
    // Config allows plain http only for an issuer on this machine.
    const insecure = new URL(issuer).protocol === 'http:';
    return client.discovery(new URL(issuer), registered?.id ?? 'resource-server', registered?.secret, undefined, {
      execute: insecure ? [client.allowInsecureRequests] : [],
      timeout: TIMEOUT_SECONDS,
    });
  }
}

function recentlyUnreachable(): ServiceUnavailableError {
  return new ServiceUnavailableError('IDENTITY_PROVIDER_UNAVAILABLE', 'The identity provider did not answer a moment ago', BACKOFF_MS / 1000);
}

function unavailable(error: unknown): ServiceUnavailableError {
  if (error instanceof ServiceUnavailableError) return error;
  const reason = error instanceof Error ? error.message : String(error);
  return new ServiceUnavailableError('IDENTITY_PROVIDER_UNAVAILABLE', `The identity provider cannot be reached (${reason})`);
}
