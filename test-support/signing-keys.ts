/** Reads the app's own signing key from its database, so tests can forge tokens that differ in one claim only. */
import * as jose from 'jose';
import type { AppConfig } from '../apps/api/src/config.ts';
import { openDatabase } from '../apps/api/src/db/database.ts';

export async function readSigningKey(config: AppConfig): Promise<{ kid: string; privateKey: CryptoKey; publicJwk: jose.JWK }> {
  const database = openDatabase(config.database);
  try {
    const row = await database.db
      .selectFrom('signing_keys')
      .select(['kid', 'private_jwk', 'public_jwk'])
      .orderBy('created_at', 'desc')
      .executeTakeFirstOrThrow();
    const privateKey = (await jose.importJWK(JSON.parse(row.private_jwk), 'ES256')) as CryptoKey;
    return { kid: row.kid, privateKey, publicJwk: JSON.parse(row.public_jwk) as jose.JWK };
  } finally {
    await database.destroy();
  }
}
