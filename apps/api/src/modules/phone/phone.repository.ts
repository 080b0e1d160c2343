import type { Kysely, Selectable } from 'kysely';
import type { PhoneVerificationsTable, Schema } from '../../db/schema.ts';

export type PendingVerification = Selectable<PhoneVerificationsTable>;

export async function findPhone(db: Kysely<Schema>, userId: string) {
  return db.selectFrom('users').select(['phone', 'phone_verified_at']).where('id', '=', userId).executeTakeFirst();
}

export async function findVerifiedPhone(db: Kysely<Schema>, userId: string): Promise<string | null> {
  const row = await db
    .selectFrom('users')
    .select('phone')
    .where('id', '=', userId)
    .where('phone_verified_at', 'is not', null)
    .executeTakeFirst();
  return row?.phone ?? null;
}

export async function findVerification(db: Kysely<Schema>, userId: string): Promise<PendingVerification | undefined> {
  return db.selectFrom('phone_verifications').selectAll().where('user_id', '=', userId).executeTakeFirst();
}

/** Stores the phone as unverified together with its new code, replacing any earlier code: both or neither. */
export async function savePendingPhone(db: Kysely<Schema>, pending: PendingVerification): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ phone: pending.phone, phone_verified_at: null }).where('id', '=', pending.user_id).execute();
    await trx
      .insertInto('phone_verifications')
      .values(pending)
      .onConflict((oc) =>
        oc.column('user_id').doUpdateSet({
          phone: pending.phone,
          code_hash: pending.code_hash,
          attempts: 0,
          sent_at: pending.sent_at,
          expires_at: pending.expires_at,
        }),
      )
      .execute();
  });
}

/**
 * Spends one attempt on this very code, if any are left and it has not expired.
 * A single conditional write, so parallel guesses cannot exceed the limit.
 */
export async function claimAttempt(
  db: Kysely<Schema>,
  pending: PendingVerification,
  maxAttempts: number,
  now: number,
): Promise<boolean> {
  const result = await db
    .updateTable('phone_verifications')
    .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
    .where('user_id', '=', pending.user_id)
    .where('code_hash', '=', pending.code_hash)
    .where('attempts', '<', maxAttempts)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Uses up the code and marks its phone verified; false if the code was replaced or used meanwhile. */
export async function markVerified(db: Kysely<Schema>, pending: PendingVerification, now: number): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const used = await trx
      .deleteFrom('phone_verifications')
      .where('user_id', '=', pending.user_id)
      .where('code_hash', '=', pending.code_hash)
      .executeTakeFirst();
    if (Number(used.numDeletedRows) !== 1) return false;
    const updated = await trx
      .updateTable('users')
      .set({ phone_verified_at: now })
      .where('id', '=', pending.user_id)
      .where('phone', '=', pending.phone)
      .executeTakeFirst();
    return Number(updated.numUpdatedRows) === 1;
  });
}
