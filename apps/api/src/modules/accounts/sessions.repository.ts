import type { Kysely } from 'kysely';
import type { Schema } from '../../db/schema.ts';

export interface SessionRecord {
  id_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: number;
  expires_at: number;
  reauthenticated_at?: number | null;
  authenticated_at?: number | null;
}

export async function insertSession(db: Kysely<Schema>, session: SessionRecord): Promise<void> {
  await db.insertInto('sessions').values(session).execute();
}

export async function findLiveSession(db: Kysely<Schema>, idHash: string, now: number) {
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select(['sessions.user_id', 'sessions.csrf_token', 'sessions.created_at', 'sessions.reauthenticated_at', 'sessions.authenticated_at', 'users.email', 'users.password_hash'])
    .where('sessions.id_hash', '=', idHash)
    .where('sessions.expires_at', '>', now)
    .executeTakeFirst();
  if (!row) return undefined;
  const { password_hash: hash, ...session } = row;
  // Accounts of the external issuer have an empty hash (see identity/external-accounts.ts).
  return { ...session, has_password: hash !== '' };
}

export async function markReauthenticated(db: Kysely<Schema>, idHash: string, now: number): Promise<void> {
  await db.updateTable('sessions').set({ reauthenticated_at: now }).where('id_hash', '=', idHash).execute();
}

export async function deleteSession(db: Kysely<Schema>, idHash: string): Promise<void> {
  await db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
}

export async function deleteExpiredSessions(db: Kysely<Schema>, now: number): Promise<void> {
  await db.deleteFrom('sessions').where('expires_at', '<=', now).execute();
}
