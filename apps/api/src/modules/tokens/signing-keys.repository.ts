import type { Kysely } from 'kysely';
import type { Schema } from '../../db/schema.ts';

export interface SigningKeyRecord {
  kid: string;
  alg: string;
  private_jwk: string;
  public_jwk: string;
  created_at: number;
}

/** Newest first; ties broken by kid so every instance picks the same current key. */
export async function listSigningKeys(db: Kysely<Schema>): Promise<SigningKeyRecord[]> {
  return db.selectFrom('signing_keys').selectAll().orderBy('created_at', 'desc').orderBy('kid', 'desc').execute();
}

export async function insertSigningKey(db: Kysely<Schema>, key: SigningKeyRecord): Promise<void> {
  await db.insertInto('signing_keys').values(key).onConflict((oc) => oc.column('kid').doNothing()).execute();
}
