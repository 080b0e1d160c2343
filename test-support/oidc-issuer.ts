/**
 * A real OpenID Connect issuer for tests: oidc-provider on a local port, with
 * its development sign-in pages (any login name signs in). Its access tokens
 * for the API are JWTs (RFC 9068) with audience API_AUDIENCE; the people it
 * knows, and the claims it tells about them, are set by the test.
 */
import type { AddressInfo } from 'node:net';
import { createServer, type Server } from 'node:http';
import * as jose from 'jose';
// Before oidc-provider itself, which warns as soon as it is loaded.
import './quiet-oidc-provider.ts';
import Provider from 'oidc-provider';
import * as client from 'openid-client';

export const API_AUDIENCE = 'api://kudos';
export const CLIENT_ID = 'kudos-site';
export const CLIENT_SECRET = 'kudos-site-secret';
/** Where scripted sign-ins that bypass the site (to get a bare access token) are sent back. */
const SCRIPT_REDIRECT = 'http://127.0.0.1:9/script-callback';

export interface Person {
  email?: string;
  email_verified?: boolean;
  name?: string;
}

export interface TestIssuer {
  url: string;
  /** Claims per login name; a login not listed gets <login>@corp.example, verified. */
  people: Map<string, Person>;
  /** Env for the site under test: OIDC_* pointing here. */
  env(): Record<string, string>;
  /** An access token for the API, as a person signed in through the issuer (scripted, no site involved). */
  accessTokenFor(login: string, options?: { scope?: string }): Promise<string>;
  /** An access token for the API from the client-credentials grant (its subject is the client, not a person). */
  clientToken(): Promise<string>;
  close(): Promise<void>;
}

export async function startTestIssuer(
  options: { redirectUris?: string[]; accessTokenTtlSeconds?: number; emailInAccessTokens?: boolean; port?: number } = {},
): Promise<TestIssuer> {
  const withEmailClaims = options.emailInAccessTokens ?? true;
  const ec = await jose.generateKeyPair('ES256', { extractable: true });
  const rsa = await jose.generateKeyPair('RS256', { extractable: true, modulusLength: 2048 });
  const keys = [
    { ...(await jose.exportJWK(rsa.privateKey)), kid: 'rsa-1', alg: 'RS256', use: 'sig' },
    { ...(await jose.exportJWK(ec.privateKey)), kid: 'ec-1', alg: 'ES256', use: 'sig' },
  ];
  const people = new Map<string, Person>();
  // The issuer's own URL has to be known before it listens: take a port first.
  const server = await new Promise<Server>((resolve) => {
    const listening = createServer();
    listening.listen(options.port ?? 0, '127.0.0.1', () => resolve(listening));
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;

  const provider = new Provider(url, {
    clients: [
      {
        client_id: CLIENT_ID,
        client_secret: CLIENT_SECRET,
        redirect_uris: [...(options.redirectUris ?? []), SCRIPT_REDIRECT],
        grant_types: ['authorization_code', 'client_credentials'],
        response_types: ['code'],
        // ID tokens say when the person signed in (Okta's and Keycloak's always do).
        require_auth_time: true,
      },
    ],
    jwks: { keys },
    findAccount: async (_ctx, id) => ({
      accountId: id,
      claims: async () => ({ sub: id, ...(people.get(id) ?? { email: `${id}@corp.example`, email_verified: true }) }),
    }),
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    scopes: ['openid', 'email', 'profile', 'kudos'],
    features: {
      devInteractions: { enabled: true },
      clientCredentials: { enabled: true },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => API_AUDIENCE,
        useGrantedResource: () => true,
        getResourceServerInfo: () => ({ scope: 'kudos', audience: API_AUDIENCE, accessTokenFormat: 'jwt', accessTokenTTL: options.accessTokenTtlSeconds ?? 600, jwt: { sign: { alg: 'ES256' } } }),
      },
    },
    // A person's access tokens carry their email, as Keycloak's do by default (Okta and Auth0 can be told to).
    extraTokenClaims: async (_ctx, token) => {
      const accountId = (token as { accountId?: string }).accountId;
      if (!accountId || !withEmailClaims) return undefined;
      const person = people.get(accountId) ?? { email: `${accountId}@corp.example`, email_verified: true };
      return { email: person.email, email_verified: person.email_verified };
    },
    pkce: { required: () => true },
    cookies: { keys: ['test-issuer-cookie-key'] },
    ttl: { Interaction: 600, Session: 3600, Grant: 3600, IdToken: 600, AuthorizationCode: 60, ClientCredentials: 600, AccessToken: options.accessTokenTtlSeconds ?? 600 },
    // Consent is implied for the one client: the test signs in, the issuer does not ask again.
    loadExistingGrant: async (ctx) => {
      const grantId = ctx.oidc.result?.consent?.grantId ?? ctx.oidc.session!.grantIdFor(ctx.oidc.client!.clientId);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client!.clientId, accountId: ctx.oidc.session!.accountId! });
      grant.addOIDCScope('openid email profile');
      grant.addResourceScope(API_AUDIENCE, 'kudos');
      await grant.save();
      return grant;
    },
  });
  server.on('request', provider.callback());

  const configuration = await client.discovery(new URL(url), CLIENT_ID, CLIENT_SECRET, undefined, { execute: [client.allowInsecureRequests] });

  return {
    url,
    people,
    env: () => ({ OIDC_ISSUER: url, OIDC_AUDIENCE: API_AUDIENCE, OIDC_CLIENT_ID: CLIENT_ID, OIDC_CLIENT_SECRET: CLIENT_SECRET, OIDC_NAME: 'Corp SSO' }),
    async accessTokenFor(login, tokenOptions = {}) {
      const verifier = client.randomPKCECodeVerifier();
      const authorization = client.buildAuthorizationUrl(configuration, {
        redirect_uri: SCRIPT_REDIRECT,
        scope: tokenOptions.scope ?? 'openid email kudos',
        code_challenge: await client.calculatePKCECodeChallenge(verifier),
        code_challenge_method: 'S256',
        resource: API_AUDIENCE,
      });
      const browser = new ScriptedBrowser();
      const landed = await browser.follow(authorization.href, { login, stopAt: SCRIPT_REDIRECT });
      const tokens = await client.authorizationCodeGrant(configuration, new URL(landed), { pkceCodeVerifier: verifier, idTokenExpected: true }, { resource: API_AUDIENCE });
      return tokens.access_token;
    },
    async clientToken() {
      return (await client.clientCredentialsGrant(configuration, { scope: 'kudos', resource: API_AUDIENCE })).access_token;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * Follows redirects like a browser, with one cookie jar for 127.0.0.1 (cookies do not care about ports),
 * and signs in on the issuer's development pages when they ask.
 */
export class ScriptedBrowser {
  readonly cookies = new Map<string, string>();
  /** How many times the issuer asked for the login form (and got it). */
  signIns = 0;

  cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  /** Answers the URL it stopped at: the first one starting with `stopAt`, or the first that answers 200 and is not a sign-in form. */
  async follow(start: string, options: { login: string; stopAt?: string }): Promise<string> {
    let next: { url: string; init?: RequestInit } = { url: start };
    for (let hop = 0; hop < 20; hop++) {
      if (options.stopAt && next.url.startsWith(options.stopAt)) return next.url;
      const response = await fetch(next.url, { ...next.init, redirect: 'manual', headers: { ...(next.init?.headers as Record<string, string>), cookie: this.cookieHeader() } });
      this.keep(response);
      const location = response.headers.get('location');
      if (location) {
        next = { url: new URL(location, next.url).href };
        continue;
      }
      const body = await response.text();
      const form = /<form[^>]*action="([^"]+)"/.exec(body);
      if (response.status !== 200 || !form?.[1]) return next.url;
      const asksLogin = body.includes('name="login"');
      if (asksLogin) this.signIns += 1;
      const fields: Record<string, string> = asksLogin ? { prompt: 'login', login: options.login, password: 'any' } : { prompt: 'consent' };
      next = {
        url: new URL(form[1], next.url).href,
        init: { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() },
      };
    }
    throw new Error('too many redirects');
  }

  private keep(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair!.indexOf('=');
      const name = pair!.slice(0, at).trim();
      const value = pair!.slice(at + 1).trim();
      if (/expires=Thu, 01 Jan 1970/i.test(line) || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
}
