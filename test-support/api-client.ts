/** Small helpers for talking to a test app through app.inject, as a page or as a script. */
import type { FastifyInstance, InjectOptions } from 'fastify';

let counter = 0;

export function uniqueEmail(prefix = 'user'): string {
  counter += 1;
  return `${prefix}-${process.pid}-${counter}@example.test`;
}

export const GOOD_PASSWORD = 'correct horse battery staple';

/** Registers a user and returns a bearer token for it. */
export async function registerWithToken(app: FastifyInstance, email = uniqueEmail()) {
  await app.inject({ method: 'POST', url: '/api/auth/register', payload: { email, password: GOOD_PASSWORD } });
  const response = await app.inject({ method: 'POST', url: '/api/auth/token', payload: { email, password: GOOD_PASSWORD } });
  const { access_token: token } = response.json() as { access_token: string };
  return { email, token, auth: { authorization: `Bearer ${token}` } };
}

/** Registers a user through the page's flow and returns its cookie and CSRF token. */
export async function registerWithSession(app: FastifyInstance, email = uniqueEmail()) {
  const response = await app.inject({ method: 'POST', url: '/api/auth/register', payload: { email, password: GOOD_PASSWORD } });
  const cookie = response.cookies.find((c) => c.name === 'sid');
  if (!cookie) throw new Error(`register did not set a session cookie: ${response.statusCode} ${response.body}`);
  const { csrf_token: csrfToken, user } = response.json() as { csrf_token: string; user: { id: string } };
  return { email, userId: user.id, cookies: { sid: cookie.value }, csrfToken };
}

export function as(headers: Record<string, string>, options: InjectOptions): InjectOptions {
  return { ...options, headers: { ...(options.headers as Record<string, string> | undefined), ...headers } };
}
