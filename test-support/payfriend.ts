/**
 * Payfriend test helpers: a signed-in user whose phone is verified through the
 * real routes (set phone, read the code from the outbox, verify), as payment
 * tests need one.
 */
import type { FastifyInstance } from 'fastify';
import { GOOD_PASSWORD, registerWithSession, uniqueEmail } from './api-client.ts';

/** Who is asking: the page (cookie, plus CSRF token for writes) or a script (bearer header). */
export interface PayfriendCaller {
  cookies?: Record<string, string>;
  csrfToken?: string;
  auth?: Record<string, string>;
}

export interface VerifiedUser {
  email: string;
  userId: string;
  cookies: Record<string, string>;
  csrfToken: string;
  /** E.164. */
  phone: string;
  /** `{ authorization: 'Bearer …' }` from /api/auth/token. */
  auth: Record<string, string>;
}

let phoneCounter = 0;

/**
 * A distinct phone per call, in Ofcom's range reserved for fiction
 * (+44 7700 900000–900999), so no real person is ever texted.
 */
export function uniqueTestPhone(): string {
  phoneCounter += 1;
  return `+447700900${String(phoneCounter % 1000).padStart(3, '0')}`;
}

function requestOptions(caller: PayfriendCaller, write: boolean) {
  const headers: Record<string, string> = { ...caller.auth };
  if (write && caller.csrfToken && !caller.auth) headers['x-csrf-token'] = caller.csrfToken;
  return { headers, ...(caller.cookies && !caller.auth ? { cookies: caller.cookies } : {}) };
}

/** The body of the newest message in the caller's outbox; throws when it is empty. */
export async function readLatestSms(app: FastifyInstance, caller: PayfriendCaller): Promise<string> {
  const response = await app.inject({ method: 'GET', url: '/api/outbox', ...requestOptions(caller, false) });
  if (response.statusCode !== 200) throw new Error(`GET /api/outbox: ${response.statusCode} ${response.body}`);
  const messages = response.json() as { body: string }[];
  const latest = messages[0];
  if (!latest) throw new Error('the outbox is empty');
  return latest.body;
}

/** The 6-digit code in an SMS body. */
export function codeFromSms(body: string): string {
  const match = /\b(\d{6})\b/.exec(body);
  if (!match?.[1]) throw new Error(`no 6-digit code in SMS: ${body}`);
  return match[1];
}

/** Registers a user through the page's flow, sets and verifies their phone, and gets a bearer token too. */
export async function registerWithVerifiedPhone(
  app: FastifyInstance,
  options: { phone?: string; email?: string } = {},
): Promise<VerifiedUser> {
  const session = await registerWithSession(app, options.email ?? uniqueEmail());
  const caller = { cookies: session.cookies, csrfToken: session.csrfToken };
  const phone = options.phone ?? uniqueTestPhone();

  const set = await app.inject({ method: 'POST', url: '/api/account/phone', payload: { phone }, ...requestOptions(caller, true) });
  if (set.statusCode !== 202) throw new Error(`POST /api/account/phone: ${set.statusCode} ${set.body}`);
  const code = codeFromSms(await readLatestSms(app, caller));
  const verify = await app.inject({ method: 'POST', url: '/api/account/phone/verify', payload: { code }, ...requestOptions(caller, true) });
  if (verify.statusCode !== 200) throw new Error(`POST /api/account/phone/verify: ${verify.statusCode} ${verify.body}`);

  const token = await app.inject({ method: 'POST', url: '/api/auth/token', payload: { email: session.email, password: GOOD_PASSWORD } });
  if (token.statusCode !== 200) throw new Error(`POST /api/auth/token: ${token.statusCode} ${token.body}`);
  const { access_token: accessToken } = token.json() as { access_token: string };

  return {
    email: session.email,
    userId: session.userId,
    cookies: session.cookies,
    csrfToken: session.csrfToken,
    phone: (verify.json() as { phone: string }).phone,
    auth: { authorization: `Bearer ${accessToken}` },
  };
}
