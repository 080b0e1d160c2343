/** SQL for pairing codes, devices and the device request nonces already seen. */
import type { Kysely, Selectable } from 'kysely';
import type { DevicesTable, PairingsTable, Schema } from '../../db/schema.ts';

export type DeviceRow = Selectable<DevicesTable>;

export async function insertPairing(db: Kysely<Schema>, row: Selectable<PairingsTable>): Promise<void> {
  await db.insertInto('pairings').values(row).execute();
}

/**
 * Marks a live code used and returns its user, in one conditional write:
 * of any number of concurrent attempts, exactly one sees a row come back.
 */
export async function consumePairing(db: Kysely<Schema>, codeHash: string, now: number): Promise<string | undefined> {
  const row = await db
    .updateTable('pairings')
    .set({ used_at: now })
    .where('code_hash', '=', codeHash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .returning('user_id')
    .executeTakeFirst();
  return row?.user_id;
}

export async function findUserEmail(db: Kysely<Schema>, userId: string): Promise<string | undefined> {
  const row = await db.selectFrom('users').select('email').where('id', '=', userId).executeTakeFirst();
  return row?.email;
}

export async function insertDevice(db: Kysely<Schema>, row: DeviceRow): Promise<void> {
  await db.insertInto('devices').values(row).execute();
}

export async function findDevice(db: Kysely<Schema>, id: string): Promise<DeviceRow | undefined> {
  return db.selectFrom('devices').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The user's devices that still work, newest first. */
export async function listActiveDevices(db: Kysely<Schema>, userId: string): Promise<DeviceRow[]> {
  return db
    .selectFrom('devices')
    .selectAll()
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();
}

/** Revokes only the owner's live device; false when there is none (missing, another user's, or revoked). */
export async function revokeDevice(db: Kysely<Schema>, userId: string, id: string, now: number): Promise<boolean> {
  const result = await db
    .updateTable('devices')
    .set({ revoked_at: now })
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Writes at most once per `granularityMs`, so a busy device does not turn every read into a write. */
export async function touchDevice(db: Kysely<Schema>, id: string, now: number, granularityMs: number): Promise<void> {
  await db
    .updateTable('devices')
    .set({ last_used_at: now })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('last_used_at', 'is', null), eb('last_used_at', '<=', now - granularityMs)]))
    .execute();
}

/** Remembers a nonce; false when this scope has already used it (the primary key decides, even under concurrency). */
export async function rememberNonce(db: Kysely<Schema>, scope: string, nonce: string, expiresAt: number): Promise<boolean> {
  const result = await db
    .insertInto('used_nonces')
    .values({ scope, nonce, expires_at: expiresAt })
    .onConflict((oc) => oc.columns(['scope', 'nonce']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

/** Forgets device nonces and pairing codes nobody can use any more. */
export async function pruneExpired(db: Kysely<Schema>, now: number, keepPairingsMs: number): Promise<void> {
  await db.deleteFrom('used_nonces').where('scope', 'like', 'device:%').where('expires_at', '<', now).execute();
  await db.deleteFrom('pairings').where('expires_at', '<', now - keepPairingsMs).execute();
}
