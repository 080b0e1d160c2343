import type { Kysely } from 'kysely';
import type { OidcLoginsTable, Schema } from '../../db/schema.ts';

export async function findLinkedUser(db: Kysely<Schema>, issuer: string, subject: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('external_identities')
    .select('user_id')
    .where('issuer', '=', issuer)
    .where('subject', '=', subject)
    .executeTakeFirst();
  return row?.user_id;
}

/** Links the identity to the user unless it is linked already; false when it was. */
export async function linkIdentity(
  db: Kysely<Schema>,
  row: { issuer: string; subject: string; user_id: string; created_at: number },
): Promise<boolean> {
  const result = await db
    .insertInto('external_identities')
    .values(row)
    .onConflict((oc) => oc.columns(['issuer', 'subject']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

export async function insertLogin(db: Kysely<Schema>, row: OidcLoginsTable): Promise<void> {
  await db.insertInto('oidc_logins').values(row).execute();
}

/** Reads and deletes a pending sign-in in one go: of two callbacks with one state, only one gets it. */
export async function takeLogin(db: Kysely<Schema>, stateHash: string, now: number): Promise<OidcLoginsTable | undefined> {
  const row = await db.selectFrom('oidc_logins').selectAll().where('state_hash', '=', stateHash).executeTakeFirst();
  if (!row) return undefined;
  const deleted = await db.deleteFrom('oidc_logins').where('state_hash', '=', stateHash).executeTakeFirst();
  if (Number(deleted.numDeletedRows) !== 1 || row.expires_at <= now) return undefined;
  return row;
}

export async function deleteExpiredLogins(db: Kysely<Schema>, now: number): Promise<void> {
  await db.deleteFrom('oidc_logins').where('expires_at', '<=', now).execute();
}
