/** SQL for challenges: the digest a payment is bound to, and its SMS code. */
import type { Insertable, Kysely, Selectable } from 'kysely';
import type { ChallengesTable, Schema } from '../../db/schema.ts';

export type ChallengeRow = Selectable<ChallengesTable>;
export type NewChallengeRow = Insertable<ChallengesTable>;

type Db = Kysely<Schema>;

export async function insertChallenge(db: Db, row: NewChallengeRow): Promise<void> {
  await db.insertInto('challenges').values(row).execute();
}

export async function findChallenge(db: Db, paymentId: string): Promise<ChallengeRow | undefined> {
  return db.selectFrom('challenges').selectAll().where('payment_id', '=', paymentId).executeTakeFirst();
}

/**
 * Stores a new SMS code (and resets its attempts) unless one was sent less
 * than `cooldownMs` ago; conditional, so two simultaneous requests send one code.
 */
export async function storeOtp(
  db: Db,
  paymentId: string,
  otp: { hash: string; sentAt: number; expiresAt: number },
  cooldownMs: number,
): Promise<boolean> {
  const result = await db
    .updateTable('challenges')
    .set({ otp_hash: otp.hash, otp_sent_at: otp.sentAt, otp_expires_at: otp.expiresAt, otp_attempts: 0 })
    .where('payment_id', '=', paymentId)
    .where((eb) => eb.or([eb('otp_sent_at', 'is', null), eb('otp_sent_at', '<=', otp.sentAt - cooldownMs)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Forgets a code that could not be delivered, so the payer may ask again at once. */
export async function withdrawOtp(db: Db, paymentId: string, hash: string): Promise<void> {
  await db
    .updateTable('challenges')
    .set({ otp_hash: null, otp_sent_at: null, otp_expires_at: null })
    .where('payment_id', '=', paymentId)
    .where('otp_hash', '=', hash)
    .execute();
}

/**
 * Takes one attempt at the current code before it is compared: a single
 * conditional increment, so simultaneous guesses cannot exceed the limit.
 * Returns the attempt's number, or undefined when none is left (or the code changed).
 */
export async function takeOtpAttempt(db: Db, paymentId: string, hash: string, maxAttempts: number): Promise<number | undefined> {
  const row = await db
    .updateTable('challenges')
    .set((eb) => ({ otp_attempts: eb('otp_attempts', '+', 1) }))
    .where('payment_id', '=', paymentId)
    .where('otp_hash', '=', hash)
    .where('otp_attempts', '<', maxAttempts)
    .returning('otp_attempts')
    .executeTakeFirst();
  return row?.otp_attempts;
}
