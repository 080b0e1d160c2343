/**
 * Who is calling. A request carries either `Authorization: Bearer <JWT>`
 * (scripts, other clients) or the page's session cookie. A bearer header, if
 * present, is the only credential considered: a bad token is never rescued by
 * a cookie. Cookie-authenticated writes must echo the session's CSRF token.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ForbiddenError, UnauthorizedError } from '../core/errors.ts';
import { type AccountsService, csrfMatches, type SessionContext } from '../modules/accounts/accounts.service.ts';
import type { ExternalBearer } from '../modules/identity/index.ts';
import type { TokenService } from '../modules/tokens/token-service.ts';

export interface Caller {
  userId: string;
  via: 'bearer' | 'session';
  session?: SessionContext;
}

declare module 'fastify' {
  interface FastifyRequest {
    caller: Caller | null;
  }
}

export const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export type RequireUser = (request: FastifyRequest, reply: FastifyReply) => Promise<void>;

export function installAuth(
  app: FastifyInstance,
  deps: { tokens: TokenService; accounts: AccountsService; cookieName: string; external?: ExternalBearer },
): RequireUser {
  app.decorateRequest('caller', null);

  async function fromBearer(header: string): Promise<Caller> {
    const match = /^Bearer[ ]+([A-Za-z0-9_\-.=]+)[ ]*$/i.exec(header);
    if (!match?.[1]) throw new UnauthorizedError('INVALID_AUTHORIZATION_HEADER', 'Expected "Authorization: Bearer <token>"');
    const token = match[1];
    // Ours, or the external issuer's: each judged by its own keys and rules.
    const { userId } = deps.external?.claimsToBeFrom(token) ? await deps.external.verify(token) : await deps.tokens.verify(token);
    return { userId, via: 'bearer' };
  }

  async function fromSession(request: FastifyRequest): Promise<Caller | null> {
    const cookie = request.cookies[deps.cookieName];
    if (!cookie) return null;
    const session = await deps.accounts.findSession(cookie);
    if (!session) return null;
    if (!SAFE_METHODS.has(request.method) && !csrfMatches(session, headerValue(request, CSRF_HEADER))) {
      throw new ForbiddenError('CSRF_TOKEN_INVALID', `Missing or wrong ${CSRF_HEADER} header`);
    }
    return { userId: session.userId, via: 'session', session };
  }

  return async function requireUser(request) {
    const authorization = request.headers.authorization;
    request.caller = authorization !== undefined ? await fromBearer(authorization) : await fromSession(request);
    if (!request.caller) throw new UnauthorizedError('UNAUTHENTICATED', 'Sign in or send a bearer token');
  };
}

function headerValue(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
