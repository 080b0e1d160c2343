/**
 * The page's session cookie: set at sign-in (by password or through the
 * external issuer), cleared at sign-out. Signing in ends the session the
 * browser had before, so one browser holds one live session.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AccountsService } from './accounts.service.ts';

export interface SessionCookieSettings {
  name: string;
  secure: boolean;
  maxAgeSeconds: number;
}

export function createPageSessions(accounts: AccountsService, cookie: SessionCookieSettings) {
  /**
   * Starts a session for the user and sets its cookie; answers the session's CSRF token.
   * `authenticatedAt` as for AccountsService.startSession (now, unless said otherwise).
   */
  async function signIn(request: FastifyRequest, reply: FastifyReply, userId: string, authenticatedAt?: number): Promise<string> {
    const previous = request.cookies[cookie.name];
    if (previous) await accounts.endSession(previous);
    const { cookieValue, csrfToken } = await accounts.startSession(userId, authenticatedAt);
    reply.setCookie(cookie.name, cookieValue, {
      httpOnly: true,
      sameSite: 'lax',
      secure: cookie.secure,
      path: '/',
      maxAge: cookie.maxAgeSeconds,
    });
    return csrfToken;
  }

  async function currentUser(request: FastifyRequest): Promise<string | undefined> {
    const value = request.cookies[cookie.name];
    return value ? (await accounts.findSession(value))?.userId : undefined;
  }

  function clear(reply: FastifyReply): void {
    reply.clearCookie(cookie.name, { path: '/' });
  }

  return { signIn, currentUser, clear, cookieName: cookie.name };
}

export type PageSessions = ReturnType<typeof createPageSessions>;
