/**
 * Local accounts for people who sign in through the external issuer. A person
 * is known by the issuer's (iss, sub), never by email: emails change and can
 * be claimed. Their account gets the email the issuer vouches for (payees are
 * found by email, so an unverified one is refused), and no password.
 *
 * An identity is never linked to an existing password account with the same
 * email: that would let whoever controls the issuer's record take it over.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Clock } from '../../core/clock.ts';
import { ConflictError, ForbiddenError, ValidationError } from '../../core/errors.ts';
import type { Schema } from '../../db/schema.ts';
import { normalizeEmail } from '../accounts/accounts.service.ts';
import { insertUser } from '../accounts/users.repository.ts';
import { findLinkedUser, linkIdentity } from './external-identities.repository.ts';

export interface ExternalProfile {
  issuer: string;
  subject: string;
  email?: unknown;
  emailVerified?: unknown;
}

/** An account that signs in elsewhere has this instead of a password hash: no password ever matches it. */
export const NO_PASSWORD = '';

export function createExternalAccounts(deps: { db: Kysely<Schema>; clock: Clock }) {
  const { db, clock } = deps;

  /** The local user for the identity, created on first sight. */
  async function userFor(profile: ExternalProfile): Promise<string> {
    const linked = await findLinkedUser(db, profile.issuer, profile.subject);
    if (linked) return linked;
    const email = verifiedEmail(profile);
    const userId = randomUUID();
    const now = clock.now();
    // User and link in one transaction: a second first request waits for it, then finds the link.
    const created = await db.transaction().execute(async (trx) => {
      const user = { id: userId, email, password_hash: NO_PASSWORD, created_at: now, phone: null, phone_verified_at: null };
      if (!(await insertUser(trx, user))) return false;
      if (!(await linkIdentity(trx, { issuer: profile.issuer, subject: profile.subject, user_id: userId, created_at: now }))) {
        throw new ConflictError('EXTERNAL_IDENTITY_RACE', 'Signing in raced with itself; try again');
      }
      return true;
    });
    if (created) return userId;
    const meanwhile = await findLinkedUser(db, profile.issuer, profile.subject);
    if (meanwhile) return meanwhile;
    throw new ConflictError('EXTERNAL_EMAIL_TAKEN', `An account for ${email} already exists here; sign in with its password`);
  }

  return { userFor, linkedUser: (issuer: string, subject: string) => findLinkedUser(db, issuer, subject) };
}

export type ExternalAccounts = ReturnType<typeof createExternalAccounts>;

function verifiedEmail(profile: ExternalProfile): string {
  if (typeof profile.email !== 'string' || profile.emailVerified !== true) {
    throw new ForbiddenError('EXTERNAL_EMAIL_UNVERIFIED', 'The identity provider did not share a verified email address, which an account here needs');
  }
  try {
    return normalizeEmail(profile.email);
  } catch (error) {
    if (error instanceof ValidationError) throw new ForbiddenError('EXTERNAL_EMAIL_UNVERIFIED', 'The identity provider shared an email address that is not valid here');
    throw error;
  }
}
