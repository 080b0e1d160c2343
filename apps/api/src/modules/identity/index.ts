/**
 * Identity from an external OpenID Connect issuer (Okta, Keycloak, Auth0...),
 * beside the built-in accounts, when OIDC_ISSUER is set: its access tokens
 * are accepted as bearer tokens, and, with OIDC_CLIENT_ID, the page offers
 * "Sign in with …". GET /api/auth/providers tells the page what is on.
 */
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { AuthProviders } from '#contracts/auth.ts';
import type { OidcConfig } from '../../config.ts';
import type { Clock } from '../../core/clock.ts';
import type { RateLimiter } from '../../core/rate-limiter.ts';
import type { Schema } from '../../db/schema.ts';
import type { PageSessions } from '../accounts/page-sessions.ts';
import { createExternalAccounts } from './external-accounts.ts';
import { ExternalBearer } from './external-bearer.ts';
import { deleteExpiredLogins } from './external-identities.repository.ts';
import { OidcIssuer } from './oidc-issuer.ts';
import { createOidcLogin } from './oidc-login.ts';
import { registerOidcLoginRoutes } from './oidc-login.routes.ts';

export { ExternalBearer } from './external-bearer.ts';

export interface IdentityDeps {
  db: Kysely<Schema>;
  clock: Clock;
  limiter: RateLimiter;
  oidc: OidcConfig | undefined;
  publicUrl: string;
  reauthMaxAgeSeconds: number;
  secureCookies: boolean;
  sessions: PageSessions;
}

/** Answers the verifier of the issuer's bearer tokens, or undefined when no issuer is configured. */
export function installIdentity(app: FastifyInstance, deps: IdentityDeps): ExternalBearer | undefined {
  const { oidc } = deps;
  const loginUrl = oidc?.client ? '/api/auth/oidc/login' : null;
  app.get('/api/auth/providers', { schema: { response: { 200: AuthProviders } } }, async (_request, reply) => {
    reply.header('cache-control', 'no-cache');
    return { oidc: oidc && loginUrl ? { name: oidc.name, login_url: loginUrl } : null };
  });
  if (!oidc) return undefined;

  const issuer = new OidcIssuer(oidc);
  const accounts = createExternalAccounts({ db: deps.db, clock: deps.clock });
  const bearer = new ExternalBearer(issuer, accounts, deps.clock);

  const pruneTimer = setInterval(() => void deleteExpiredLogins(deps.db, deps.clock.now()).catch(() => undefined), 600_000);
  pruneTimer.unref();
  app.addHook('onClose', async () => clearInterval(pruneTimer));

  if (oidc.client) {
    const login = createOidcLogin({
      db: deps.db,
      clock: deps.clock,
      issuer,
      accounts,
      publicUrl: deps.publicUrl,
      scopes: oidc.client.scopes,
      reauthMaxAgeSeconds: deps.reauthMaxAgeSeconds,
    });
    registerOidcLoginRoutes(app, {
      login,
      limiter: deps.limiter,
      secureCookies: deps.secureCookies,
      signIn: async (request, reply, userId, authenticatedAt) => void (await deps.sessions.signIn(request, reply, userId, authenticatedAt)),
      sessionUser: (request) => deps.sessions.currentUser(request),
    });
  }
  return bearer;
}
