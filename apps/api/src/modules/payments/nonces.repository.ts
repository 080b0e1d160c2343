/** Single-use values, remembered until they could no longer be accepted anyway. */
import type { Kysely } from 'kysely';
import type { Schema } from '../../db/schema.ts';

/** True the first time (scope, nonce) is seen; the primary key decides, so a replay racing the original loses. */
export async function useNonceOnce(db: Kysely<Schema>, scope: string, nonce: string, expiresAt: number): Promise<boolean> {
  const result = await db
    .insertInto('used_nonces')
    .values({ scope, nonce, expires_at: expiresAt })
    .onConflict((oc) => oc.columns(['scope', 'nonce']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

export async function pruneNonces(db: Kysely<Schema>, scope: string, now: number): Promise<void> {
  await db.deleteFrom('used_nonces').where('scope', '=', scope).where('expires_at', '<=', now).execute();
}
