/** /api/auth/*: register, sign in and out, who am I, and bearer tokens for scripts. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AccessToken, Credentials, SessionInfo } from '#contracts/auth.ts';
import { ReauthInput } from '#contracts/payfriend.ts';
import { ForbiddenError, NotFoundError } from '../../core/errors.ts';
import type { RequireUser } from '../../plugins/auth.ts';
import type { TokenService } from '../tokens/token-service.ts';
import type { AccountsService } from './accounts.service.ts';
import type { PageSessions } from './page-sessions.ts';

export function registerAccountRoutes(
  app: FastifyInstance,
  deps: {
    accounts: AccountsService;
    tokens: TokenService;
    requireUser: RequireUser;
    sessions: PageSessions;
  },
): void {
  const { accounts, tokens, requireUser, sessions } = deps;

  async function signIn(request: FastifyRequest, reply: FastifyReply, user: { id: string; email: string }) {
    const csrfToken = await sessions.signIn(request, reply, user.id);
    return { user: { id: user.id, email: user.email }, csrf_token: csrfToken, reauth_with: 'password' as const };
  }

  app.post(
    '/api/auth/register',
    { schema: { body: Credentials, response: { 201: SessionInfo } } },
    async (request, reply) => {
      const { email, password } = request.body as Credentials;
      const user = await accounts.register(email, password, request.ip);
      reply.status(201);
      return signIn(request, reply, user);
    },
  );

  app.post('/api/auth/login', { schema: { body: Credentials, response: { 200: SessionInfo } } }, async (request, reply) => {
    const { email, password } = request.body as Credentials;
    const user = await accounts.authenticate(email, password, request.ip);
    return signIn(request, reply, user);
  });

  app.post('/api/auth/logout', { onRequest: requireUser }, async (request, reply) => {
    // Only a caller authenticated by the cookie (and so by its CSRF token) may end that cookie's session.
    const value = request.caller?.via === 'session' ? request.cookies[sessions.cookieName] : undefined;
    if (value) await accounts.endSession(value);
    sessions.clear(reply);
    return reply.status(204).send();
  });

  app.get('/api/auth/session', { onRequest: requireUser, schema: { response: { 200: SessionInfo } } }, async (request) => {
    const session = request.caller?.session;
    // A bearer caller has no browser session to describe.
    if (!session) throw new NotFoundError('No browser session; this route is for the page');
    return {
      user: { id: session.userId, email: session.email },
      csrf_token: session.csrfToken,
      reauth_with: session.hasPassword ? ('password' as const) : ('oidc' as const),
    };
  });

  // Sensitive actions (pairing a device) need the password entered within the last few minutes.
  app.post('/api/auth/reauthenticate', { onRequest: requireUser, schema: { body: ReauthInput } }, async (request, reply) => {
    const session = request.caller?.session;
    const cookieValue = request.cookies[sessions.cookieName];
    if (!session || !cookieValue) throw new NotFoundError('No browser session; this route is for the page');
    if (!session.hasPassword) {
      throw new ForbiddenError('REAUTH_WITH_OIDC', 'This account signs in through its identity provider: open /api/auth/oidc/login?reauth=1');
    }
    await accounts.reauthenticate(session, cookieValue, (request.body as ReauthInput).password, request.ip);
    return reply.status(204).send();
  });

  app.post('/api/auth/token', { schema: { body: Credentials, response: { 200: AccessToken } } }, async (request) => {
    const { email, password } = request.body as Credentials;
    const user = await accounts.authenticate(email, password, request.ip);
    const { token, expiresIn } = await tokens.issue(user.id);
    return { access_token: token, token_type: 'Bearer' as const, expires_in: expiresIn };
  });

  app.get('/.well-known/jwks.json', async (_request, reply) => {
    reply.header('cache-control', 'public, max-age=300');
    return tokens.jwks;
  });
}
