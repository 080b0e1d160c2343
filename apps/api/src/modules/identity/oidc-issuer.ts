/**
 * The configured external OpenID Connect issuer, discovered on first use
 * (and again after a failure), so the site starts and serves its own users
 * while the issuer is down. Discovery checks that the issuer's metadata
 * names the configured issuer exactly.
 */
import * as jose from 'jose';
import * as client from 'openid-client';
import type { OidcConfig } from '../../config.ts';
import { ServiceUnavailableError } from '../../core/errors.ts';

const TIMEOUT_SECONDS = 5;

export class OidcIssuer {
  private discovered: Promise<client.Configuration> | undefined;
  private keys: ReturnType<typeof jose.createRemoteJWKSet> | undefined;

  constructor(readonly settings: OidcConfig) {}

  /** openid-client's view of the issuer and of us as its client. */
  configuration(): Promise<client.Configuration> {
    this.discovered ??= this.discover().catch((error: unknown) => {
      this.discovered = undefined;
      throw unavailable(error);
    });
    return this.discovered;
  }

  /** The issuer's signing keys (jose refetches them, at most every 30 s, when a token names an unknown key). */
  async keySet(): Promise<ReturnType<typeof jose.createRemoteJWKSet>> {
    if (this.keys) return this.keys;
    const jwksUri = (await this.configuration()).serverMetadata().jwks_uri;
    if (!jwksUri) throw new ServiceUnavailableError('IDENTITY_PROVIDER_MISCONFIGURED', 'The identity provider publishes no jwks_uri');
    this.keys = jose.createRemoteJWKSet(new URL(jwksUri), { timeoutDuration: TIMEOUT_SECONDS * 1000 });
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

function unavailable(error: unknown): ServiceUnavailableError {
  if (error instanceof ServiceUnavailableError) return error;
  const reason = error instanceof Error ? error.message : String(error);
  return new ServiceUnavailableError('IDENTITY_PROVIDER_UNAVAILABLE', `The identity provider cannot be reached (${reason})`);
}
