/**
 * Bearer tokens from the external issuer: JWT access tokens verified against
 * the issuer's published keys, with the same rules as ours (algorithm
 * allow-list, issuer, audience, expiry and not-before with small leeway).
 * A person seen for the first time needs a verified email for their account:
 * from the token's own claims (Keycloak puts it there; Okta and Auth0 can),
 * else from the issuer's userinfo endpoint with that very token (Okta,
 * Keycloak allow it). Once they have signed in on the page, their tokens
 * work whatever claims they carry.
 */
import * as jose from 'jose';
import type { Clock } from '../../core/clock.ts';
import { ServiceUnavailableError, UnauthorizedError } from '../../core/errors.ts';
import { CLOCK_TOLERANCE_SECONDS, type VerifiedToken } from '../tokens/token-service.ts';
import { VerifiedTokenCache } from '../tokens/verified-token-cache.ts';
import type { ExternalAccounts } from './external-accounts.ts';
import type { OidcIssuer } from './oidc-issuer.ts';

export class ExternalBearer {
  private readonly verified = new VerifiedTokenCache<VerifiedToken>(CLOCK_TOLERANCE_SECONDS);

  constructor(
    private readonly issuer: OidcIssuer,
    private readonly accounts: ExternalAccounts,
    private readonly clock: Clock,
  ) {}

  /**
   * Whether the token says it comes from the external issuer. Unverified: it only picks which keys and
   * rules judge the token, and each issuer's rules then check "iss" again.
   */
  claimsToBeFrom(token: string): boolean {
    try {
      return jose.decodeJwt(token).iss === this.issuer.settings.issuer;
    } catch {
      return false;
    }
  }

  async verify(token: string): Promise<VerifiedToken> {
    const cached = this.verified.get(token, this.clock.now() / 1000);
    if (cached) return cached;
    const payload = await this.verifySignature(token);
    if (namesNoPerson(payload)) {
      throw new UnauthorizedError('TOKEN_WITHOUT_PERSON', 'This token stands for an application, not a person; the API acts for people only');
    }
    const result = { userId: await this.userBehind(token, payload), expiresAt: payload.exp! };
    this.verified.set(token, result);
    return result;
  }

  private async verifySignature(token: string): Promise<jose.JWTPayload> {
    const { settings } = this.issuer;
    try {
      const { payload } = await jose.jwtVerify(token, await this.issuer.keySet(), {
        algorithms: settings.algorithms,
        issuer: settings.issuer,
        audience: settings.audience,
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        currentDate: new Date(this.clock.now()),
        requiredClaims: ['sub', 'exp'],
      });
      return payload;
    } catch (error) {
      if (error instanceof ServiceUnavailableError) throw error;
      if (error instanceof jose.errors.JWTExpired) throw new UnauthorizedError('TOKEN_EXPIRED', 'Token has expired');
      if (error instanceof jose.errors.JWKSTimeout || !(error instanceof jose.errors.JOSEError)) {
        throw new ServiceUnavailableError('IDENTITY_PROVIDER_UNAVAILABLE', 'The identity provider’s keys cannot be fetched');
      }
      throw new UnauthorizedError('INVALID_TOKEN', `Invalid token (${error.code})`);
    }
  }

  /** The local user; for a subject not seen before, made from what userinfo tells about them. */
  private async userBehind(token: string, payload: jose.JWTPayload): Promise<string> {
    const issuer = this.issuer.settings.issuer;
    const subject = payload.sub!;
    const linked = await this.accounts.linkedUser(issuer, subject);
    if (linked) return linked;
    try {
      const profile = typeof payload.email === 'string' ? { email: payload.email, emailVerified: payload.email_verified } : await this.fetchProfile(token, subject);
      return await this.accounts.userFor({ issuer, subject, ...profile });
    } catch (error) {
      if (error instanceof ServiceUnavailableError) throw error;
      const reason = error instanceof Error ? error.message : 'Unknown user';
      throw new UnauthorizedError('EXTERNAL_USER_UNKNOWN', `${reason}. Signing in on the site once through the identity provider links this person`);
    }
  }

  private async fetchProfile(token: string, subject: string): Promise<{ email?: unknown; emailVerified?: unknown }> {
    try {
      const info = await this.issuer.userinfo(token, subject);
      return { email: info.email, emailVerified: info.email_verified };
    } catch (error) {
      if (error instanceof ServiceUnavailableError) throw error;
      // The token is valid but may not read the person's profile (no openid scope, say): no email, then.
      return {};
    }
  }
}

/**
 * A client-credentials token's subject is the client itself (RFC 9068: sub = client_id; Okta: cid;
 * Auth0 also says gty). Taken as a person, it would become whoever shares that subject's name.
 */
function namesNoPerson(payload: jose.JWTPayload): boolean {
  if (payload.gty === 'client-credentials') return true;
  return [payload.client_id, payload.azp, payload.cid].some((client) => typeof client === 'string' && client === payload.sub);
}
