/**
 * GET /api/auth/oidc/login and /api/auth/oidc/callback: browser navigations,
 * not API calls, so every outcome is a redirect. The callback lands on the
 * page it was asked for, or on /signin (or the page asked for, when
 * re-proving a session) with ?oidc_error=<reason>.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { LimitRule, RateLimiter } from '../../core/rate-limiter.ts';
import { type OidcLogin, OidcLoginError, safeReturnPath, withFailure } from './oidc-login.ts';

const STATE_COOKIE = 'oidc_state';
const STATE_COOKIE_PATH = '/api/auth/oidc';
const STARTS_PER_IP: LimitRule = { name: 'oidc-start-ip', limit: 30, windowMs: 60_000 };

export interface OidcLoginRoutesDeps {
  login: OidcLogin;
  limiter: RateLimiter;
  secureCookies: boolean;
  /** Starts the page's session for a user, setting its cookie; ends the one the browser had, if any. */
  signIn: (request: FastifyRequest, reply: FastifyReply, userId: string, authenticatedAt: number) => Promise<void>;
  /** Who the browser's current session belongs to, if it has a live one. */
  sessionUser: (request: FastifyRequest) => Promise<string | undefined>;
}

export function registerOidcLoginRoutes(app: FastifyInstance, deps: OidcLoginRoutesDeps): void {
  const { login, limiter } = deps;

  app.get('/api/auth/oidc/login', async (request, reply) => {
    const query = request.query as Record<string, unknown>;
    const returnTo = safeReturnPath(query.return_to);
    const reauth = query.reauth === '1';
    await limiter.consume(STARTS_PER_IP, request.ip);
    try {
      const { url, state } = await login.start({ returnTo, reauth });
      reply.setCookie(STATE_COOKIE, state, {
        httpOnly: true,
        // Lax: the issuer sends the browser back with a top-level GET, which carries Lax cookies.
        sameSite: 'lax',
        secure: deps.secureCookies,
        path: STATE_COOKIE_PATH,
        maxAge: 600,
      });
      reply.header('cache-control', 'no-store');
      return reply.redirect(url, 302);
    } catch (error) {
      request.log.warn({ err: error }, 'could not start an external sign-in');
      return reply.redirect(withFailure(reauth ? returnTo : '/signin', 'unavailable'), 303);
    }
  });

  app.get('/api/auth/oidc/callback', async (request, reply) => {
    const search = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : '';
    reply.header('cache-control', 'no-store');
    // Cleared only for this browser's own sign-in: a stranger's link to this route must not spoil one in progress.
    const forget = () => reply.clearCookie(STATE_COOKIE, { path: STATE_COOKIE_PATH });
    try {
      const { userId, returnTo, reauth, authenticatedAt } = await login.finish({ search, browserState: request.cookies[STATE_COOKIE] });
      forget();
      // Re-proving a session must prove the same person: signing in there as someone else changes nothing here.
      const current = reauth ? await deps.sessionUser(request) : undefined;
      if (current && current !== userId) {
        request.log.info('re-authentication at the issuer named another person');
        return reply.redirect(withFailure(returnTo, 'other_person'), 303);
      }
      // The session is as fresh as the issuer's sign-in: a silent one reusing an old sign-in does not count as recent.
      await deps.signIn(request, reply, userId, authenticatedAt);
      return reply.redirect(safeReturnPath(returnTo), 303);
    } catch (error) {
      if (!(error instanceof OidcLoginError)) throw error;
      if (error.reason !== 'mismatch') forget();
      request.log.info({ reason: error.reason, detail: error.message }, 'external sign-in did not complete');
      return reply.redirect(withFailure(error.returnTo === '/' ? '/signin' : error.returnTo, error.reason), 303);
    }
  });
}
