/**
 * The page's "Sign in with …": the authorization code flow with PKCE, a
 * nonce, and a state that is both single-use on the server (any instance) and
 * bound to the browser that started it (a cookie), so nobody can finish a
 * sign-in someone else began. The issuer's ID token names the person.
 */
import * as client from 'openid-client';
import type { Kysely } from 'kysely';
import type { Clock } from '../../core/clock.ts';
import { AppError } from '../../core/errors.ts';
import { constantTimeEqual, sha256Hex } from '../../core/crypto.ts';
import type { Schema } from '../../db/schema.ts';
import type { ExternalAccounts } from './external-accounts.ts';
import { insertLogin, takeLogin } from './external-identities.repository.ts';
import type { OidcIssuer } from './oidc-issuer.ts';

export const CALLBACK_PATH = '/api/auth/oidc/callback';
const LOGIN_TTL_MS = 10 * 60_000;

/** Why a sign-in did not complete, as a code the sign-in page explains. */
export type LoginFailure = 'cancelled' | 'expired' | 'mismatch' | 'email' | 'email_taken' | 'unavailable' | 'other_person' | 'failed';

export class OidcLoginError extends Error {
  constructor(readonly reason: LoginFailure, message: string, readonly returnTo = '/') {
    super(message);
  }
}

const SITE = 'http://site.invalid';

/**
 * Only a path on this site, never another host or the API: anything else lands on the home page.
 * Judged after the URL parser has resolved dot segments and encodings ("/..//evil.example" becomes
 * "//evil.example", "/%61pi" is "/api"), and answered in that resolved, percent-encoded form, so what
 * is checked is what the browser is sent to and the Location header holds only ASCII.
 */
export function safeReturnPath(raw: unknown): string {
  if (typeof raw !== 'string' || raw.length > 512 || !raw.startsWith('/') || /[\s\\]/.test(raw)) return '/';
  let url: URL;
  try {
    url = new URL(raw, SITE);
  } catch {
    return '/';
  }
  if (url.origin !== SITE || !url.pathname.startsWith('/') || url.pathname.startsWith('//')) return '/';
  let decoded: string;
  try {
    decoded = decodeURIComponent(url.pathname);
  } catch {
    return '/';
  }
  if (/^\/api(\/|$)/i.test(decoded) || decoded.startsWith('//') || /[\p{Cc}\\]/u.test(decoded)) return '/';
  return `${url.pathname}${url.search}`;
}

/** The page to land on after a failed sign-in, saying why. */
export function withFailure(path: string, reason: LoginFailure): string {
  const url = new URL(safeReturnPath(path), SITE);
  url.searchParams.set('oidc_error', reason);
  return `${url.pathname}${url.search}`;
}

export function createOidcLogin(deps: {
  db: Kysely<Schema>;
  clock: Clock;
  issuer: OidcIssuer;
  accounts: ExternalAccounts;
  publicUrl: string;
  scopes: string;
  reauthMaxAgeSeconds: number;
}) {
  const { db, clock, issuer, accounts } = deps;
  const redirectUri = `${deps.publicUrl}${CALLBACK_PATH}`;

  /** Where to send the browser, and the state its cookie must carry back. */
  async function start(input: { returnTo: string; reauth: boolean }): Promise<{ url: string; state: string }> {
    const configuration = await issuer.configuration();
    const codeVerifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const nonce = client.randomNonce();
    await insertLogin(db, {
      state_hash: sha256Hex(state),
      code_verifier: codeVerifier,
      nonce,
      return_to: input.returnTo,
      reauth: input.reauth ? 1 : 0,
      expires_at: clock.now() + LOGIN_TTL_MS,
    });
    const url = client.buildAuthorizationUrl(configuration, {
      redirect_uri: redirectUri,
      scope: deps.scopes,
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
      // Re-proving who you are for a sensitive action: the issuer must ask again, not reuse its session.
      ...(input.reauth ? { prompt: 'login', max_age: '0' } : {}),
    });
    return { url: url.href, state };
  }

  /** Completes the sign-in the issuer sent back; answers the local user and where to go. */
  /** `authenticatedAt`: the issuer's auth_time (ms), 0 when it did not say: its sign-in may be older than this one. */
  async function finish(
    input: { search: string; browserState: string | undefined },
  ): Promise<{ userId: string; returnTo: string; reauth: boolean; authenticatedAt: number }> {
    const params = new URLSearchParams(input.search);
    const state = params.get('state') ?? '';
    if (!state || !input.browserState || !constantTimeEqual(state, input.browserState)) {
      throw new OidcLoginError('mismatch', 'This sign-in was not started in this browser');
    }
    const login = await takeLogin(db, sha256Hex(state), clock.now());
    if (!login) throw new OidcLoginError('expired', 'This sign-in has expired or was already used');
    const returnTo = login.return_to;
    if (params.has('error')) {
      const cancelled = params.get('error') === 'access_denied';
      throw new OidcLoginError(cancelled ? 'cancelled' : 'failed', `The identity provider answered ${params.get('error')}`, returnTo);
    }
    const configuration = await issuer.configuration().catch((error: unknown) => {
      throw new OidcLoginError('unavailable', error instanceof Error ? error.message : 'unavailable', returnTo);
    });
    let claims: client.IDToken | undefined;
    try {
      const tokens = await client.authorizationCodeGrant(configuration, new URL(`${redirectUri}${input.search}`), {
        pkceCodeVerifier: login.code_verifier,
        expectedState: state,
        expectedNonce: login.nonce,
        idTokenExpected: true,
        ...(login.reauth ? { maxAge: deps.reauthMaxAgeSeconds } : {}),
      });
      claims = tokens.claims();
    } catch (error) {
      throw new OidcLoginError(isUnreachable(error) ? 'unavailable' : 'failed', error instanceof Error ? error.message : String(error), returnTo);
    }
    if (!claims) throw new OidcLoginError('failed', 'The identity provider sent no ID token', returnTo);
    try {
      const userId = await accounts.userFor({
        issuer: issuer.settings.issuer,
        subject: claims.sub,
        email: claims.email,
        emailVerified: claims.email_verified,
      });
      const authenticatedAt = typeof claims.auth_time === 'number' ? claims.auth_time * 1000 : 0;
      return { userId, returnTo, reauth: login.reauth === 1, authenticatedAt };
    } catch (error) {
      if (error instanceof AppError && error.code === 'EXTERNAL_EMAIL_TAKEN') throw new OidcLoginError('email_taken', error.message, returnTo);
      if (error instanceof AppError && error.code === 'EXTERNAL_EMAIL_UNVERIFIED') throw new OidcLoginError('email', error.message, returnTo);
      throw error;
    }
  }

  return { start, finish };
}

export type OidcLogin = ReturnType<typeof createOidcLogin>;

/** A request to the issuer that did not get an answer (refused, reset, timed out), whatever wraps it. */
function isUnreachable(error: unknown): boolean {
  for (let cause = error, depth = 0; cause instanceof Error && depth < 5; cause = cause.cause, depth++) {
    if (cause instanceof TypeError || ['AbortError', 'TimeoutError'].includes(cause.name)) return true;
    const code = (cause as Error & { code?: unknown }).code;
    if (typeof code === 'string' && /^(ECONN|ETIMEDOUT|UND_ERR)/.test(code)) return true;
  }
  return false;
}
