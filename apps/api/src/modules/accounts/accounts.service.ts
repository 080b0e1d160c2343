/**
 * Registration, sign-in and sessions. Answers "wrong email" and "wrong
 * password" identically, and spends the same hashing work on both.
 */
import { randomUUID } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import type { Kysely } from 'kysely';
import type { Clock } from '../../core/clock.ts';
import { constantTimeEqual, randomToken, sha256Hex } from '../../core/crypto.ts';
import { ConflictError, FieldChecks, UnauthorizedError, ValidationError } from '../../core/errors.ts';
import type { LimitRule, RateLimiter } from '../../core/rate-limiter.ts';
import type { Schema, UserRow } from '../../db/schema.ts';
import { checkPassword } from './password-policy.ts';
import * as sessions from './sessions.repository.ts';
import { findUserByEmail, insertUser } from './users.repository.ts';

export interface AccountLimits {
  loginPerIpPerMinute: number;
  loginPerAccountPerMinute: number;
}

export interface SessionContext {
  userId: string;
  email: string;
  csrfToken: string;
  createdAt: number;
  /** When the password was last entered in this session: at sign-in, or on re-authentication. */
  authenticatedAt: number;
  /** False for accounts that sign in through the external issuer. */
  hasPassword: boolean;
}

const EMAIL_PATTERN = /^[^\s@"<>()[\],;:\\]+@[^\s@"<>()[\],;:\\]+\.[^\s@"<>()[\],;:\\]+$/u;

/**
 * Trims, applies Unicode NFKC (full-width ｂｏｂ is bob) and lower-cases, so one mailbox is one
 * account; refuses look-alikes that mix Latin with Cyrillic or Greek letters in one part (pаyee with
 * a Cyrillic а), since payees are found by email.
 */
export function normalizeEmail(raw: string): string {
  // Control, invisible and bidirectional-override characters make look-alike addresses; broken UTF-16 is
  // stored differently by each database. None belongs in an email address.
  if (!raw.isWellFormed() || INVISIBLE_OR_CONTROL.test(raw)) {
    throw ValidationError.forField('email', 'must not contain control or invisible characters');
  }
  const email = raw.trim().normalize('NFKC').toLowerCase();
  if (email.length > 254 || !EMAIL_PATTERN.test(email)) throw ValidationError.forField('email', 'must be a valid email address');
  if (email.split(/[@.]/).some(mixesAlphabets)) {
    throw ValidationError.forField('email', 'mixes letters of different alphabets (Latin with Cyrillic or Greek), as look-alike addresses do');
  }
  return email;
}

const INVISIBLE_OR_CONTROL = /[\p{Cc}\p{Cf}]/u;

function mixesAlphabets(part: string): boolean {
  return /\p{Script=Latin}/u.test(part) && /[\p{Script=Cyrillic}\p{Script=Greek}]/u.test(part);
}

export function createAccountsService(deps: {
  db: Kysely<Schema>;
  clock: Clock;
  limiter: RateLimiter;
  limits: AccountLimits;
  sessionTtlSeconds: number;
}) {
  const { db, clock, limiter } = deps;
  const perIp: LimitRule = { name: 'auth-ip', limit: deps.limits.loginPerIpPerMinute, windowMs: 60_000 };
  const perAccount: LimitRule = { name: 'auth-account', limit: deps.limits.loginPerAccountPerMinute, windowMs: 60_000 };
  // Verified against when the email is unknown, so both failures cost the same time.
  const decoyHash = hash(randomToken());

  async function register(rawEmail: string, password: string, ip: string): Promise<UserRow> {
    await limiter.consume(perIp, ip);
    // Both fields are judged, so the form can mark both at once.
    const checks = new FieldChecks();
    const email = checks.check(() => normalizeEmail(rawEmail));
    checks.check(() => checkPassword(password, email ?? rawEmail.trim().toLowerCase()));
    checks.throwIfAny();
    const user: UserRow = {
      id: randomUUID(),
      email: email!,
      password_hash: await hash(normalizePassword(password)),
      created_at: clock.now(),
      phone: null,
      phone_verified_at: null,
    };
    if (!(await insertUser(db, user))) {
      throw new ConflictError('EMAIL_TAKEN', 'An account with this email already exists', [
        { field: 'email', message: 'is already registered' },
      ]);
    }
    return user;
  }

  /** Checks credentials under per-IP and per-account limits; failures all look alike. */
  async function authenticate(rawEmail: string, password: string, ip: string): Promise<UserRow> {
    await limiter.consume(perIp, ip);
    const email = normalizeEmailOrNull(rawEmail);
    if (email) await limiter.consume(perAccount, email);
    const user = email ? await findUserByEmail(db, email) : undefined;
    // A password with broken UTF-16 could match another one (both hash as U+FFFD); none was ever stored.
    const ok = password.isWellFormed() && (await passwordMatches(user?.password_hash ?? (await decoyHash), password));
    if (!user || !ok) throw new UnauthorizedError('INVALID_CREDENTIALS', 'Email or password is incorrect');
    await limiter.clear(perAccount, user.email);
    return user;
  }

  /**
   * `authenticatedAt`: when the person proved who they are, if earlier than now (an external issuer's
   * auth_time; 0 when it did not say). Sensitive actions judge how recent that is.
   */
  async function startSession(userId: string, authenticatedAt?: number): Promise<{ cookieValue: string; csrfToken: string }> {
    const cookieValue = randomToken();
    const csrfToken = randomToken();
    const now = clock.now();
    await sessions.insertSession(db, {
      id_hash: sha256Hex(cookieValue),
      user_id: userId,
      csrf_token: csrfToken,
      created_at: now,
      expires_at: now + deps.sessionTtlSeconds * 1000,
      authenticated_at: authenticatedAt === undefined ? null : Math.min(authenticatedAt, now),
    });
    return { cookieValue, csrfToken };
  }

  async function findSession(cookieValue: string): Promise<SessionContext | undefined> {
    const row = await sessions.findLiveSession(db, sha256Hex(cookieValue), clock.now());
    if (!row) return undefined;
    return {
      userId: row.user_id,
      email: row.email,
      csrfToken: row.csrf_token,
      createdAt: row.created_at,
      authenticatedAt: Math.max(row.authenticated_at ?? row.created_at, row.reauthenticated_at ?? 0),
      hasPassword: row.has_password,
    };
  }

  /** Re-enters the password in a live session, for actions that need a recent sign-in. */
  async function reauthenticate(session: SessionContext, cookieValue: string, password: string, ip: string): Promise<void> {
    await authenticate(session.email, password, ip);
    await sessions.markReauthenticated(db, sha256Hex(cookieValue), clock.now());
  }

  function isRecentlyAuthenticated(session: SessionContext, maxAgeSeconds: number): boolean {
    return clock.now() - session.authenticatedAt <= maxAgeSeconds * 1000;
  }

  async function endSession(cookieValue: string): Promise<void> {
    await sessions.deleteSession(db, sha256Hex(cookieValue));
  }

  async function pruneExpiredSessions(): Promise<void> {
    await sessions.deleteExpiredSessions(db, clock.now());
  }

  return {
    register,
    authenticate,
    startSession,
    findSession,
    reauthenticate,
    isRecentlyAuthenticated,
    endSession,
    pruneExpiredSessions,
  };
}

export type AccountsService = ReturnType<typeof createAccountsService>;

/**
 * NIST SP 800-63B: passwords are normalised (NFKC) before hashing, so "café" typed with a composed
 * or a decomposed é, or with full-width letters, is the same password.
 */
function normalizePassword(password: string): string {
  return password.normalize('NFKC');
}

/** Hashes made before passwords were normalised still match what was typed then. */
async function passwordMatches(storedHash: string, password: string): Promise<boolean> {
  const check = (candidate: string) => verify(storedHash, candidate).catch(() => false);
  const normalized = normalizePassword(password);
  if (await check(normalized)) return true;
  return normalized !== password && check(password);
}

function normalizeEmailOrNull(raw: string): string | null {
  try {
    return normalizeEmail(raw);
  } catch {
    return null;
  }
}

export function csrfMatches(session: SessionContext, presented: string | undefined): boolean {
  return typeof presented === 'string' && constantTimeEqual(session.csrfToken, presented);
}
